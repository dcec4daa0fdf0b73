package org.meshledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.meshledger.query.support.ProductEventsSeen;
import org.meshledger.query.support.ViewCaches;

/** When a scrape reads the compliance view to refresh the gauges, and when it shows the values it has. */
class ComplianceMetricsTest {

    private final AtomicInteger productReads = new AtomicInteger();
    private volatile Runnable whileReading = () -> {};
    private final ComplianceQueries compliance =
            new ComplianceQueries(
                    null, Clock.systemUTC(), new ViewCaches(new ProductEventsSeen(), 0, Duration.ZERO, 0), 0.90) {
                @Override
                public List<ProductCompliance> allProducts() {
                    productReads.incrementAndGet();
                    whileReading.run();
                    return List.of();
                }
            };

    @Test
    void givenScrapesWithinTheMaxAge_thenTheyShareOneReadOfTheView() {
        ComplianceMetrics metrics = metrics(Duration.ofHours(1));

        metrics.refreshIfOlderThanMaxAge();
        metrics.refreshIfOlderThanMaxAge();

        assertThat(productReads).hasValue(1);
    }

    @Test
    void givenGaugesOlderThanTheMaxAge_thenEachScrapeReadsTheViewAgain() {
        ComplianceMetrics metrics = metrics(Duration.ZERO);

        metrics.refreshIfOlderThanMaxAge();
        metrics.refreshIfOlderThanMaxAge();

        assertThat(productReads).hasValue(2);
    }

    @Test
    void givenAViewThatCannotBeRead_thenItIsTriedOncePerMaxAge_notOncePerScrape() {
        ComplianceMetrics metrics = metrics(Duration.ofHours(1));
        whileReading = () -> {
            throw new IllegalStateException("store unreachable");
        };

        assertThatThrownBy(metrics::refreshIfOlderThanMaxAge).hasMessage("store unreachable");
        metrics.refreshIfOlderThanMaxAge();

        assertThat(productReads).hasValue(1);
    }

    @Test
    void givenARefreshUnderWay_thenAScrapeArrivingMeanwhileAnswersWithoutWaitingForIt() throws Exception {
        ComplianceMetrics metrics = metrics(Duration.ZERO);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        whileReading = () -> {
            reading.countDown();
            awaitQuietly(release);
        };
        CompletableFuture<Void> slowRefresh = CompletableFuture.runAsync(metrics::refreshIfOlderThanMaxAge);
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(5), metrics::refreshIfOlderThanMaxAge);

        assertThat(productReads).hasValue(1);
        release.countDown();
        slowRefresh.get(5, TimeUnit.SECONDS);
    }

    private ComplianceMetrics metrics(Duration maxAge) {
        return new ComplianceMetrics(compliance, new SimpleMeterRegistry(), maxAge);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
