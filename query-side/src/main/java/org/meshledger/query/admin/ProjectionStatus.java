package org.meshledger.query.admin;

/**
 * A view's processor: {@code position} is the global index of the event its slowest segment has reached (-1 before
 * the first), {@code lag} how many indexes have been handed out beyond it, {@code progress} how far a replay has
 * come (1 when none is running).
 */
public record ProjectionStatus(
        String name,
        boolean running,
        int segments,
        long position,
        long lag,
        boolean caughtUp,
        boolean replaying,
        double progress) {}
