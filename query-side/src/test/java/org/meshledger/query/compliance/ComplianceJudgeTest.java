package org.meshledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meshledger.api.model.Slo;
import org.meshledger.query.slo.SloTrack;

class ComplianceJudgeTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");

    @Test
    void givenNoOwnerAndNoSlo_thenNotCompliantAndBothReasonsGiven() {
        ComplianceRecord orphan = ComplianceRecord.registered("claims.orphan", "claims", null);
        ProductCompliance judged = ComplianceJudge.judge(orphan, NOW);
        assertThat(judged.compliant()).isFalse();
        assertThat(judged.reasons()).containsExactly("no owner", "no current contract", "no SLO defined");
    }

    @Test
    void givenEverySloMeeting_thenCompliantWithNoReasons() {
        SloTrack track = SloTrack.of(new Slo(0.99, 0.9, Duration.ofDays(7))).observed(NOW, true, NOW);
        ComplianceRecord healthy = ComplianceRecord.registered("claims.healthy", "claims", "claims-core")
                .withSlos(Map.of("availability", track))
                .withContracts("2.0.0", Map.of("fraud", 1), Map.of("1", NOW.plus(Duration.ofDays(1))));
        ProductCompliance judged = ComplianceJudge.judge(healthy, NOW);
        assertThat(judged.compliant()).isTrue();
        assertThat(judged.reasons()).isEmpty();
        assertThat(judged.slos()).singleElement().satisfies(slo -> {
            assertThat(slo.complianceRate()).isEqualTo(1.0);
            assertThat(slo.errorBudgetRemaining()).isEqualTo(1.0);
        });
        ProductCompliance afterSunset = ComplianceJudge.judge(healthy, NOW.plus(Duration.ofDays(2)));
        assertThat(afterSunset.compliant()).isFalse();
        assertThat(afterSunset.reasons())
                .containsExactly("consumer fraud is on major 1, past its sunset 2026-11-21T10:30:00Z");
    }
}
