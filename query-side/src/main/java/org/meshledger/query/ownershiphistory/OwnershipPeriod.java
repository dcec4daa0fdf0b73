package org.meshledger.query.ownershiphistory;

import java.time.Instant;

/** {@code [from, to)} in business time; {@code from} null: since before records began; {@code to} null: still owns. */
public record OwnershipPeriod(
        String ownerTeam,
        Instant from,
        Instant to,
        String reason,
        String approvedBy,
        String actor,
        Instant recordedAt,
        String eventId) {

    public boolean contains(Instant instant) {
        return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
    }

    /** Whether the period shares any instant with {@code [start, end)}; null bounds are open. */
    boolean overlaps(Instant start, Instant end) {
        boolean startsBeforeEnd = end == null || from == null || from.isBefore(end);
        boolean endsAfterStart = start == null || to == null || to.isAfter(start);
        return startsBeforeEnd && endsAfterStart;
    }
}
