package org.meshledger.query.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.MutableClock;
import org.meshledger.platform.testing.TestStore;
import org.meshledger.query.drift.DriftKind.Severity;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The pages' newest entries and last week's counts, read from what is kept as the timeline is followed. */
class NewestDriftTest {

    private final MongoTemplate mongo = new MongoTemplate(
            TestStore.client(), "drift_" + UUID.randomUUID().toString().substring(0, 8));
    private final MutableClock clock = new MutableClock();
    private final DriftStreamReader reader = new DriftStreamReader(mongo, new DriftCursors(mongo), clock);
    private final NewestDrift newest = new NewestDrift(reader, clock, 3, Duration.ofDays(8));
    private final DriftQueries queries = new DriftQueries(mongo, newest);
    private long handedOut;

    @Test
    void givenEntriesOfTwoProducts_whenTheNewestAreAsked_thenEachProductsNewestByBusinessTimeAreRead() {
        Instant now = clock.instant();
        store("a", now.minus(Duration.ofDays(3)), DriftKind.OWNERSHIP_TRANSFERRED, null);
        store("b", now.minus(Duration.ofDays(2)), DriftKind.OWNERSHIP_TRANSFERRED, null);
        store("a", now.minus(Duration.ofDays(1)), DriftKind.SLO_LOOSENED, null);
        // recorded last, back-dated: older by business time than every other entry of its product
        store("a", now.minus(Duration.ofDays(9)), DriftKind.SLO_TIGHTENED, null);
        store("a", now.minus(Duration.ofHours(1)), DriftKind.CONTRACT_CHANGED, null);

        DriftQueries.Newest ofA = queries.newest("a", 20, now);
        assertThat(ofA.entries())
                .extracting(DriftEntry::kind)
                .as("three are kept, newest first; the back-dated one is the oldest")
                .containsExactly(DriftKind.CONTRACT_CHANGED, DriftKind.SLO_LOOSENED, DriftKind.OWNERSHIP_TRANSFERRED);
        assertThat(ofA.cursor()).as("complete up to the last entry stored").isEqualTo(5);
        assertThat(queries.newest(null, 2, now).entries())
                .extracting(DriftEntry::productId)
                .containsExactly("a", "a");
        assertThat(queries.newest("c", 20, now).entries()).isEmpty();

        store("b", now, DriftKind.SLO_REMOVED, null);
        assertThat(queries.newest("b", 20, now).entries())
                .as("an entry stored later is found on the next read")
                .extracting(DriftEntry::kind)
                .containsExactly(DriftKind.SLO_REMOVED, DriftKind.OWNERSHIP_TRANSFERRED);
    }

    @Test
    void givenEntriesOfLastWeekAndBefore_whenCountedBySeverity_thenTheSameCountsAsTheStoreGives() {
        Instant now = clock.instant();
        store("a", now.minus(Duration.ofDays(2)), DriftKind.SLO_LOOSENED, now.minus(Duration.ofDays(1)));
        store("a", now.minus(Duration.ofDays(1)), DriftKind.SLO_LOOSENED, now.plus(Duration.ofDays(1)));
        store("b", now.minus(Duration.ofHours(3)), DriftKind.CONTRACT_BREAKING_CHANGE, null);
        store("b", now.minus(Duration.ofHours(2)), DriftKind.OWNERSHIP_TRANSFERRED, null);
        store("b", now.minus(Duration.ofDays(10)), DriftKind.OWNERSHIP_TRANSFERRED, null);
        Instant since = now.minus(Duration.ofDays(7));

        Map<Severity, Long> counted = queries.countsBySeverity(since, now);
        assertThat(counted)
                .as("a warning past its deadline counts as critical")
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Severity.CRITICAL, 2L, Severity.WARNING, 1L, Severity.INFO, 1L));
        assertThat(counted).isEqualTo(fromStore(since, now));
        assertThat(queries.countsBySeverity(now.minus(Duration.ofDays(30)), now))
                .as("further back than kept: the store counts")
                .containsEntry(Severity.INFO, 2L);
    }

    private Map<Severity, Long> fromStore(Instant since, Instant now) {
        return new DriftQueries(mongo, new NewestDrift(reader, clock, 3, Duration.ZERO)).countsBySeverity(since, now);
    }

    private void store(String productId, Instant at, DriftKind kind, Instant escalatesAt) {
        long cursor = ++handedOut;
        mongo.save(new DriftCursors.Counter("drift", cursor));
        mongo.insert(new DriftEntry(
                cursor,
                "event-" + cursor + ":" + kind,
                productId,
                "claims",
                at,
                kind,
                kind.severity(),
                kind.name(),
                Map.of(),
                "event-" + cursor,
                escalatesAt));
    }
}
