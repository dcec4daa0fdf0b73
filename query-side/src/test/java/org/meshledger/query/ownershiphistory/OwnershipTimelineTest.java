package org.meshledger.query.ownershiphistory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meshledger.query.ownershiphistory.OwnershipRecord.OwnerChange;

class OwnershipTimelineTest {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant RECORDED_APRIL = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant RECORDED_JULY = Instant.parse("2026-07-01T00:00:00Z");

    /** Registered in April, owned since January; in July told that the owner changed in March (back-dated). */
    private final OwnershipRecord record = new OwnershipRecord(
            "claims.claim-events",
            "claims",
            List.of(
                    new OwnerChange("claims-core", JAN, "registered", null, "a", RECORDED_APRIL, "e0", 0),
                    new OwnerChange("claims-platform", MAR, "reorg", null, "a", RECORDED_JULY, "e1", 1),
                    new OwnerChange("billing-core", JUN, "moved", "s", "a", RECORDED_JULY.plusSeconds(5), "e2", 2)),
            2);

    @Test
    void givenTwoTransfers_whenAskedAsOfInstantsInEachPeriod_thenTheOwnerOfThatPeriod() {
        List<OwnershipPeriod> periods = OwnershipTimeline.periods(record, null);
        assertThat(periods).extracting(OwnershipPeriod::to).containsExactly(MAR, JUN, null);
        assertThat(OwnershipTimeline.ownerAsOf(periods, Instant.parse("2026-02-01T00:00:00Z")))
                .contains("claims-core");
        assertThat(OwnershipTimeline.ownerAsOf(periods, MAR)).contains("claims-platform");
        assertThat(OwnershipTimeline.ownerAsOf(periods, Instant.parse("2026-05-31T23:59:59Z")))
                .contains("claims-platform");
        assertThat(OwnershipTimeline.ownerAsOf(periods, RECORDED_JULY)).contains("billing-core");
        assertThat(OwnershipTimeline.ownerAsOf(periods, Instant.parse("2025-12-31T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void givenBackDatedTransfer_whenAskedAsKnownBeforeItWasRecorded_thenTheHistoryWithoutIt() {
        List<OwnershipPeriod> knownInMay = OwnershipTimeline.periods(record, Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(knownInMay).singleElement().satisfies(period -> {
            assertThat(period.ownerTeam()).isEqualTo("claims-core");
            assertThat(period.to()).isNull();
        });
        assertThat(OwnershipTimeline.ownerAsOf(knownInMay, Instant.parse("2026-03-15T00:00:00Z")))
                .contains("claims-core");
        assertThat(OwnershipTimeline.periods(record, RECORDED_JULY)).hasSize(2);
        assertThat(OwnershipTimeline.periods(record, Instant.parse("2026-01-15T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void givenOwnedSinceBeforeRecordsBegan_whenAskedAboutAnyEarlierInstant_thenThatOwner() {
        OwnershipRecord openEnded = new OwnershipRecord(
                "claims.x", "claims", List.of(new OwnerChange("t", null, "registered", null, "a", JAN, "e0", 0)), 0);
        List<OwnershipPeriod> periods = OwnershipTimeline.periods(openEnded, null);
        assertThat(OwnershipTimeline.ownerAsOf(periods, Instant.parse("1999-01-01T00:00:00Z")))
                .contains("t");
        assertThat(periods.get(0)
                        .overlaps(Instant.parse("1999-01-01T00:00:00Z"), Instant.parse("1999-02-01T00:00:00Z")))
                .isTrue();
    }
}
