package org.meshledger.query.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.MutableClock;
import org.meshledger.platform.testing.TestStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A live stream never passes over an entry that is still coming, and is held back once, not per entry, by a lost batch. */
class DriftStreamReaderTest {

    private final MongoTemplate mongo = new MongoTemplate(
            TestStore.client(), "drift_" + UUID.randomUUID().toString().substring(0, 8));
    private final MutableClock clock = new MutableClock();
    private final DriftStreamReader reader = new DriftStreamReader(mongo, new DriftCursors(mongo), clock);

    @Test
    void givenABatchOfCursorsNeverStored_whenTheWaitRunsOut_thenTheStreamPassesOverAllOfThemAtOnce() {
        mongo.insert(new DriftCursors.Counter("drift", 6));
        store(1);
        store(6);
        DriftStreamReader.Position position = reader.from(0);

        assertThat(cursors(reader.next(position))).containsExactly(1L);
        clock.skip(Duration.ofSeconds(5));
        assertThat(reader.next(position)).as("cursor 2 may still be stored").isEmpty();
        store(2);
        assertThat(cursors(reader.next(position)))
                .as("stored late, within the wait: not passed over")
                .containsExactly(2L);

        clock.skip(DriftStreamReader.GIVE_UP_AFTER);
        assertThat(cursors(reader.next(position)))
                .as("3 to 5 were handed out more than the wait ago: given up together")
                .containsExactly(6L);
    }

    @Test
    void givenACursorHandedOutAfterTheWaitBegan_whenItIsMissing_thenItGetsAWaitOfItsOwn() {
        mongo.insert(new DriftCursors.Counter("drift", 2));
        store(1);
        DriftStreamReader.Position position = reader.from(0);
        assertThat(cursors(reader.next(position))).containsExactly(1L);
        assertThat(reader.next(position)).isEmpty();

        clock.skip(DriftStreamReader.GIVE_UP_AFTER.plusSeconds(1));
        mongo.save(new DriftCursors.Counter("drift", 4));
        store(4);
        assertThat(cursors(reader.next(position)))
                .as("2 was handed out before the wait began and is given up; 3 only now, so it is waited for")
                .isEmpty();
        store(3);
        assertThat(cursors(reader.next(position))).containsExactly(3L, 4L);
    }

    private void store(long cursor) {
        mongo.insert(new DriftEntry(
                cursor,
                "event-" + cursor + ":OWNERSHIP_TRANSFERRED",
                "claims.events",
                "claims",
                Instant.parse("2026-03-01T00:00:00Z"),
                DriftKind.OWNERSHIP_TRANSFERRED,
                DriftKind.OWNERSHIP_TRANSFERRED.severity(),
                "Ownership moved",
                Map.of(),
                "event-" + cursor,
                null));
    }

    private static List<Long> cursors(List<DriftEntry> entries) {
        return entries.stream().map(DriftEntry::cursor).toList();
    }
}
