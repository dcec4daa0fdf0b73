package org.meshledger.query.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.meshledger.api.model.Slo;

class SloTrackTest {

    private static final Instant T = Instant.parse("2026-11-20T10:30:00Z");
    private final SloTrack daily = SloTrack.of(new Slo(3600, 0.99, Duration.ofDays(1)));

    @Test
    void given85GoodOf100_whenJudged_thenRate085BreachingWithNoBudgetLeft() {
        SloTrack track = observe(daily, 85, 15, T);
        assertThat(track.countsAt(T).rate()).isEqualTo(0.85);
        assertThat(track.statusAt(T)).isEqualTo(SloStatus.BREACHING);
        assertThat(track.errorBudgetRemainingAt(T)).isZero();
        assertThat(track.burnRateAt(T)).isCloseTo(15.0, within(1e-9));
    }

    @Test
    void givenObservationsOlderThanTheWindow_whenJudgedLater_thenTheyNoLongerCount() {
        SloTrack track = observe(daily, 85, 15, T);
        assertThat(track.statusAt(T.plus(Duration.ofHours(23)))).isEqualTo(SloStatus.BREACHING);
        assertThat(track.statusAt(T.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))))
                .isEqualTo(SloStatus.NO_DATA);
        SloTrack later = observe(track, 10, 0, T.plus(Duration.ofDays(2)));
        assertThat(later.buckets())
                .as("hours wholly before the window are dropped")
                .hasSize(1);
        assertThat(later.statusAt(T.plus(Duration.ofDays(2)))).isEqualTo(SloStatus.MEETING);
    }

    @Test
    void givenALateObservation_whenRecorded_thenItLandsInTheHourItWasObserved() {
        SloTrack track = daily.observed(T.minus(Duration.ofHours(5)), false, T);
        assertThat(track.buckets())
                .containsOnlyKeys(String.valueOf(T.minus(Duration.ofHours(5)).getEpochSecond() / 3600 * 3600));
        assertThat(track.burnRateAt(T)).as("not in the last hour").isZero();
        assertThat(track.statusAt(T)).isEqualTo(SloStatus.BREACHING);
    }

    @Test
    void givenHalfTheBudgetSpent_thenHalfRemains() {
        SloTrack track = observe(SloTrack.of(new Slo(1, 0.9, Duration.ofDays(7))), 95, 5, T);
        assertThat(track.errorBudgetRemainingAt(T)).isCloseTo(0.5, within(1e-9));
        assertThat(track.statusAt(T)).isEqualTo(SloStatus.MEETING);
    }

    private static SloTrack observe(SloTrack track, int good, int bad, Instant at) {
        SloTrack observed = track;
        for (int i = 0; i < good + bad; i++) {
            observed = observed.observed(at, i < good, at);
        }
        return observed;
    }
}
