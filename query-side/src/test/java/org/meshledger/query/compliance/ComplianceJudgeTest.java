package org.meshledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meshledger.api.model.ProductStatus;
import org.meshledger.api.model.Slo;
import org.meshledger.query.slo.SloTrack;

class ComplianceJudgeTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");

    @Test
    void givenNoOwnerAndNoSlo_thenNotCompliantAndBothReasonsGiven() {
        ComplianceRecord orphan =
                new ComplianceRecord("claims.orphan", "claims", null, ProductStatus.ACTIVE, Map.of(), 3, -1);
        ProductCompliance judged = ComplianceJudge.judge(orphan, NOW);
        assertThat(judged.compliant()).isFalse();
        assertThat(judged.reasons()).containsExactly("no owner", "no SLO defined");
    }

    @Test
    void givenEverySloMeeting_thenCompliantWithNoReasons() {
        SloTrack track = SloTrack.of(new Slo(0.99, 0.9, Duration.ofDays(7))).observed(NOW, true, NOW);
        ComplianceRecord healthy = new ComplianceRecord(
                "claims.healthy", "claims", "claims-core", ProductStatus.ACTIVE, Map.of("availability", track), 1, 0);
        ProductCompliance judged = ComplianceJudge.judge(healthy, NOW);
        assertThat(judged.compliant()).isTrue();
        assertThat(judged.reasons()).isEmpty();
        assertThat(judged.slos()).singleElement().satisfies(slo -> {
            assertThat(slo.complianceRate()).isEqualTo(1.0);
            assertThat(slo.errorBudgetRemaining()).isEqualTo(1.0);
        });
    }
}
