package org.meshledger.query.ownershiphistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.meshledger.query.ownershiphistory.OwnershipRecord.OwnerChange;

/** Bitemporal reading of a product's owner changes: business time ({@code asOf}) as known at {@code knownAt}. */
final class OwnershipTimeline {

    private OwnershipTimeline() {}

    /** The periods as they were known at {@code knownAt} (null: as known now). */
    static List<OwnershipPeriod> periods(OwnershipRecord record, Instant knownAt) {
        List<OwnerChange> known = record.changes().stream()
                .filter(change -> knownAt == null || !change.recordedAt().isAfter(knownAt))
                .toList();
        List<OwnershipPeriod> periods = new ArrayList<>();
        for (int index = 0; index < known.size(); index++) {
            OwnerChange change = known.get(index);
            Instant to = index + 1 < known.size() ? known.get(index + 1).from() : null;
            periods.add(new OwnershipPeriod(
                    change.ownerTeam(),
                    change.from(),
                    to,
                    change.reason(),
                    change.approvedBy(),
                    change.actor(),
                    change.recordedAt(),
                    change.eventId()));
        }
        return periods;
    }

    static Optional<String> ownerAsOf(List<OwnershipPeriod> periods, Instant asOf) {
        return periods.stream()
                .filter(period -> period.contains(asOf))
                .map(OwnershipPeriod::ownerTeam)
                .findFirst();
    }
}
