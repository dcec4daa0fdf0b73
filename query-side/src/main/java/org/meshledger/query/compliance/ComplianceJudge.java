package org.meshledger.query.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.meshledger.query.slo.HourlyCounts.Counts;
import org.meshledger.query.slo.SloStatus;
import org.meshledger.query.slo.SloTrack;

/** Judges a product's compliance at an instant, saying in words why it is not compliant. */
final class ComplianceJudge {

    private ComplianceJudge() {}

    static ProductCompliance judge(ComplianceRecord record, Instant now) {
        List<SloCompliance> slos = new ArrayList<>();
        record.slos().forEach((indicator, track) -> slos.add(judge(indicator, track, now)));
        List<String> reasons = new ArrayList<>();
        if (record.ownerTeam() == null) {
            reasons.add("no owner");
        }
        if (record.currentContractVersion() == null) {
            reasons.add("no current contract");
        }
        if (slos.isEmpty()) {
            reasons.add("no SLO defined");
        }
        List<String> pastSunset = new ArrayList<>();
        record.consumers().forEach((team, major) -> {
            Instant sunset = record.sunsets().get(String.valueOf(major));
            if (sunset != null && !now.isBefore(sunset)) {
                pastSunset.add(team);
                reasons.add("consumer %s is on major %d, past its sunset %s".formatted(team, major, sunset));
            }
        });
        for (SloCompliance slo : slos) {
            if (slo.status() == SloStatus.BREACHING) {
                reasons.add("SLO %s is BREACHING (%s < %s)"
                        .formatted(slo.indicator(), decimal(slo.complianceRate()), decimal(slo.target())));
            } else if (slo.status() == SloStatus.NO_DATA) {
                reasons.add("SLO %s has NO_DATA in its %s window".formatted(slo.indicator(), slo.window()));
            }
        }
        return new ProductCompliance(
                record.productId(),
                record.domain(),
                record.ownerTeam(),
                reasons.isEmpty(),
                reasons,
                slos,
                pastSunset,
                record.version());
    }

    private static SloCompliance judge(String indicator, SloTrack track, Instant now) {
        Counts counts = track.countsAt(now);
        return new SloCompliance(
                indicator,
                track.target(),
                track.threshold(),
                track.window(),
                counts.rate(),
                track.statusAt(now),
                track.errorBudgetRemainingAt(now),
                track.burnRateAt(now),
                counts.good(),
                counts.total());
    }

    private static String decimal(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
