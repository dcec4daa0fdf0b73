package org.meshledger.query.console;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.meshledger.query.compliance.SloHistory;
import org.meshledger.query.slo.HourlyCounts.Period;

/**
 * One SLO's history as bars in a 100-high SVG box, one unit wide each: each bar is a period's compliance on a scale
 * from {@code floor} to 100%, so a dip of a tenth of a percent below a 99.9% target is visible rather than flat.
 */
public record ComplianceChart(SloHistory history, double floor, double targetY, List<Bar> bars) {

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** {@code rate} is null for a period without observations, which draws no bar. */
    public record Bar(
            double x, double y, double height, String label, Double rate, long good, long total, boolean met) {}

    static ComplianceChart of(SloHistory history) {
        double lowest = history.periods().stream()
                .filter(period -> period.counts().total() > 0)
                .mapToDouble(period -> period.counts().rate())
                .min()
                .orElse(1);
        double margin = Math.max(1 - history.target(), 0.001);
        double lowestShown = Math.min(lowest, history.target() - 3 * margin);
        // a quarter of the shown range below the lowest bar, so that even the lowest bar stands visibly
        double floor = Math.max(0, lowestShown - (1 - lowestShown) / 4);
        List<Bar> bars = new ArrayList<>();
        for (int index = 0; index < history.periods().size(); index++) {
            Period period = history.periods().get(index);
            Double rate = period.counts().rate();
            double height = rate == null ? 0 : round(100 * (rate - floor) / (1 - floor));
            bars.add(new Bar(
                    index + 0.1,
                    round(100 - height),
                    height,
                    (history.step().equals("hour") ? HOUR : DAY).format(period.start()),
                    rate,
                    period.counts().good(),
                    period.counts().total(),
                    rate != null && rate >= history.target()));
        }
        return new ComplianceChart(history, floor, round(100 - 100 * (history.target() - floor) / (1 - floor)), bars);
    }

    public int width() {
        return bars.size();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
