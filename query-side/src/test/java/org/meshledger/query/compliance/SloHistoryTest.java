package org.meshledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.meshledger.api.model.Slo;
import org.meshledger.query.slo.HourlyCounts.Counts;
import org.meshledger.query.slo.HourlyCounts.Period;
import org.meshledger.query.slo.SloTrack;

/** What the product page charts: an SLO's observations a day (or an hour) at a time across its window. */
class SloHistoryTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");

    @Test
    void givenAThirtyDayWindow_whenCharted_thenOnePeriodADayWithEmptyDaysKeptAndHoursSummedIntoTheirDay() {
        SloTrack track = SloTrack.of(new Slo(3600, 0.99, Duration.ofDays(30)))
                .observed(Instant.parse("2026-11-19T01:10:00Z"), true, NOW)
                .observed(Instant.parse("2026-11-19T23:50:00Z"), false, NOW)
                .observed(Instant.parse("2026-11-20T09:00:00Z"), true, NOW);

        SloHistory history = SloHistory.of("freshness", track, NOW);

        assertThat(history.step()).isEqualTo("day");
        assertThat(history.periods()).hasSize(31);
        assertThat(history.periods().get(0).start()).isEqualTo(Instant.parse("2026-10-21T00:00:00Z"));
        assertThat(history.periods().subList(28, 31))
                .extracting(Period::counts)
                .containsExactly(Counts.NONE, new Counts(1, 2), new Counts(1, 1));
        assertThat(history.observed()).isTrue();
    }

    @Test
    void givenADayWindow_whenCharted_thenOnePeriodAnHourCoveringTheHoursTheWindowOverlaps() {
        SloTrack track = SloTrack.of(new Slo(3600, 0.99, Duration.ofDays(1)));

        SloHistory history = SloHistory.of("freshness", track, NOW);

        assertThat(history.step()).isEqualTo("hour");
        assertThat(history.periods()).hasSize(25);
        assertThat(history.observed()).isFalse();
    }
}
