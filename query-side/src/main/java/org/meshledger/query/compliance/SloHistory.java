package org.meshledger.query.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.meshledger.query.slo.HourlyCounts;
import org.meshledger.query.slo.HourlyCounts.Period;
import org.meshledger.query.slo.SloTrack;

/**
 * One SLO's observations over its window, a period at a time: hours for a window of up to two days, days up to a
 * quarter, weeks beyond, so a chart has between a few dozen and a few hundred bars.
 */
public record SloHistory(String indicator, double target, String window, String step, List<Period> periods) {

    static SloHistory of(String indicator, SloTrack track, Instant now) {
        Duration window = track.windowDuration();
        Duration step = window.compareTo(Duration.ofDays(2)) <= 0
                ? Duration.ofHours(1)
                : window.compareTo(Duration.ofDays(92)) <= 0 ? Duration.ofDays(1) : Duration.ofDays(7);
        String name = step.toHours() == 1 ? "hour" : step.toDays() == 1 ? "day" : "week";
        return new SloHistory(
                indicator,
                track.target(),
                track.window(),
                name,
                HourlyCounts.periods(track.buckets(), now, window, step));
    }

    public boolean observed() {
        return periods.stream().anyMatch(period -> period.counts().total() > 0);
    }
}
