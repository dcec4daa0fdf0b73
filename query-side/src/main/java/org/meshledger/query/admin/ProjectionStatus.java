package org.meshledger.query.admin;

import java.time.Instant;

/**
 * A view's processor: {@code position} is the recording time of the oldest event its segments stand at, {@code lag}
 * the events stored after it, {@code progress} how far a replay has come (1 when none is running).
 */
public record ProjectionStatus(
        String name,
        boolean running,
        int segments,
        Instant position,
        long lag,
        boolean caughtUp,
        boolean replaying,
        double progress) {}
