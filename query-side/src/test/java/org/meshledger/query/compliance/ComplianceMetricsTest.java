package org.meshledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ComplianceMetricsTest {

    private final AtomicInteger productReads = new AtomicInteger();
    private final ComplianceQueries compliance = new ComplianceQueries(null, Clock.systemUTC(), 0.90) {
        @Override
        public List<ProductCompliance> allProducts() {
            productReads.incrementAndGet();
            return List.of();
        }
    };

    @Test
    void givenScrapesWithinTheMaxAge_thenTheyShareOneReadOfTheView() {
        ComplianceMetrics metrics = new ComplianceMetrics(compliance, new SimpleMeterRegistry(), Duration.ofHours(1));

        metrics.refreshIfOlderThanMaxAge();
        metrics.refreshIfOlderThanMaxAge();

        assertThat(productReads).hasValue(1);
    }

    @Test
    void givenGaugesOlderThanTheMaxAge_thenEachScrapeReadsTheViewAgain() {
        ComplianceMetrics metrics = new ComplianceMetrics(compliance, new SimpleMeterRegistry(), Duration.ZERO);

        metrics.refreshIfOlderThanMaxAge();
        metrics.refreshIfOlderThanMaxAge();

        assertThat(productReads).hasValue(2);
    }
}
