package org.meshledger.query.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /** The mesh-wide reads keep each track compacted for the hour: it must judge as the full one at every minute. */
    @Test
    void givenAnHourOfObservationsEachHour_whenCompactedForAnHour_thenEveryMinuteOfItJudgesAsTheFullTrack() {
        for (Duration window : List.of(Duration.ofDays(30), Duration.ofMinutes(90), Duration.ofHours(5))) {
            SloTrack track = SloTrack.of(new Slo(1, 0.95, window));
            Instant first = T.minus(window).minus(Duration.ofHours(2));
            for (Instant at = first; at.isBefore(T.plus(Duration.ofHours(2))); at = at.plus(Duration.ofMinutes(37))) {
                // a bad observation every third hour or so, so that which hours a window holds changes its rate
                track = track.observed(at, at.getEpochSecond() % 7 != 0, first);
            }
            SloTrack compacted = track.compactedFor(T);
            if (window.compareTo(Duration.ofDays(1)) > 0) {
                assertThat(compacted.buckets().size())
                        .as("the hours before the window, its first, the sum, the last two, later ones")
                        .isLessThanOrEqualTo(10)
                        .isLessThan(track.buckets().size());
            }
            Instant hour = T.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            for (int minute = 0; minute < 60; minute++) {
                Instant now = hour.plus(Duration.ofMinutes(minute)).plusSeconds(minute);
                assertThat(compacted.countsAt(now)).as("%s at %s", window, now).isEqualTo(track.countsAt(now));
                assertThat(compacted.burnRateAt(now))
                        .as("%s at %s", window, now)
                        .isEqualTo(track.burnRateAt(now));
                assertThat(compacted.errorBudgetRemainingAt(now)).isEqualTo(track.errorBudgetRemainingAt(now));
            }
        }
    }

    private static SloTrack observe(SloTrack track, int good, int bad, Instant at) {
        SloTrack observed = track;
        for (int i = 0; i < good + bad; i++) {
            observed = observed.observed(at, i < good, at);
        }
        return observed;
    }
}
