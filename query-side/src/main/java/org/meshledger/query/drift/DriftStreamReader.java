package org.meshledger.query.drift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the entries after a cursor by their ids, in cursor order. A cursor handed out but not yet stored is waited
 * for, so no entry is ever passed over; one still missing {@link #GIVE_UP_AFTER} after it was handed out belonged to
 * a write that failed and is skipped, and so is every other cursor handed out by then and still missing: a failed
 * batch leaves a run of them, which costs one wait, not one per cursor.
 */
@Component
class DriftStreamReader {

    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(10);
    private static final int MAX_BATCH = 500;

    private final MongoTemplate mongo;
    private final DriftCursors cursors;
    private final Clock clock;

    DriftStreamReader(MongoTemplate mongo, DriftCursors cursors, Clock clock) {
        this.mongo = mongo;
        this.cursors = cursors;
        this.clock = clock;
    }

    long latest() {
        return cursors.latest();
    }

    Position from(long cursor) {
        return new Position(cursor);
    }

    List<DriftEntry> next(Position position) {
        long latest = Math.min(cursors.latest(), position.after + MAX_BATCH);
        if (latest <= position.after) {
            return List.of();
        }
        List<Long> wanted =
                LongStream.rangeClosed(position.after + 1, latest).boxed().toList();
        Map<Long, DriftEntry> found = mongo.find(new Query(Criteria.where("_id").in(wanted)), DriftEntry.class).stream()
                .collect(Collectors.toMap(DriftEntry::cursor, Function.identity()));
        List<DriftEntry> ready = new ArrayList<>();
        for (long cursor : wanted) {
            DriftEntry entry = found.get(cursor);
            if (entry == null && !position.givenUpOn(cursor, latest, clock.instant())) {
                break;
            }
            if (entry != null) {
                ready.add(entry);
            }
            position.after = cursor;
        }
        return ready;
    }

    /** Where one client's stream stands; used by that stream alone. */
    static final class Position {

        private long after;
        /** Every cursor up to this one had been handed out by {@link #handedOutBy}; -1 while nothing is waited for. */
        private long handedOut = -1;

        private Instant handedOutBy;

        private Position(long after) {
            this.after = after;
        }

        /** The cursor up to which every entry has been read or given up on. */
        long after() {
            return after;
        }

        private boolean givenUpOn(long cursor, long latest, Instant now) {
            if (cursor > handedOut) {
                handedOut = latest;
                handedOutBy = now;
                return false;
            }
            return Duration.between(handedOutBy, now).compareTo(GIVE_UP_AFTER) > 0;
        }
    }
}
