package org.meshledger.query.compliance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Compliance as Prometheus gauges, so existing dashboards and alert rules can page on it. Names and labels are listed
 * in docs/operations.md ("Metrics"). A refresh reads and judges every product, so it runs when a scrape asks for it
 * ({@link ComplianceGaugesOnScrape}) rather than on a timer: nothing is spent while nobody scrapes, and scrapes closer
 * together than the max age share one refresh.
 */
@Component
class ComplianceMetrics {

    private final ComplianceQueries compliance;
    private final GaugeRows sloRate;
    private final GaugeRows sloStatus;
    private final GaugeRows sloBurnRate;
    private final GaugeRows productCompliant;
    private final GaugeRows domainRate;
    private final AtomicReference<Double> meshRate = new AtomicReference<>(Double.NaN);
    private final long maxAgeNanos;
    private final ReentrantLock refreshing = new ReentrantLock();
    private long attemptedAt;
    private boolean attempted;

    ComplianceMetrics(
            ComplianceQueries compliance,
            MeterRegistry registry,
            @Value("${meshledger.metrics.compliance-max-age:5s}") Duration maxAge) {
        this.compliance = compliance;
        this.maxAgeNanos = maxAge.toNanos();
        this.sloRate = rows(registry, "meshledger.slo.compliance.rate", "Good / all observations in the SLO's window");
        this.sloStatus =
                rows(registry, "meshledger.slo.status", "1 for the SLO's current status (MEETING, BREACHING, NO_DATA)");
        this.sloBurnRate = rows(
                registry,
                "meshledger.slo.burn.rate",
                "Error-budget burn rate over the last hour; above 5 is the paging signal");
        this.productCompliant =
                rows(registry, "meshledger.product.compliant", "1 when the product is compliant, else 0");
        this.domainRate =
                rows(registry, "meshledger.domain.compliance.rate", "Share of a domain's products that are compliant");
        Gauge.builder("meshledger.mesh.compliance.rate", meshRate, AtomicReference::get)
                .description("Share of the mesh's products that are compliant")
                .register(registry);
    }

    private static GaugeRows rows(MeterRegistry registry, String name, String description) {
        return new GaugeRows(MultiGauge.builder(name).description(description).register(registry));
    }

    /**
     * Refreshes the gauges unless a refresh started less than the max age ago, failed or not: a view that cannot be
     * read is tried once per max age, not once per scrape. A scrape that arrives while another is refreshing does not
     * wait for it and shows the values from before.
     */
    void refreshIfOlderThanMaxAge() {
        if (!refreshing.tryLock()) {
            return;
        }
        try {
            long now = System.nanoTime();
            if (attempted && now - attemptedAt < maxAgeNanos) {
                return;
            }
            attemptedAt = now;
            attempted = true;
            refresh();
        } finally {
            refreshing.unlock();
        }
    }

    private void refresh() {
        List<ProductCompliance> products = compliance.allProducts();
        Map<Tags, Double> rates = new HashMap<>();
        Map<Tags, Double> statuses = new HashMap<>();
        Map<Tags, Double> burns = new HashMap<>();
        Map<Tags, Double> compliant = new HashMap<>();
        for (ProductCompliance product : products) {
            Tags productTags = Tags.of("product", product.productId(), "domain", product.domain());
            compliant.put(productTags, product.compliant() ? 1.0 : 0.0);
            for (SloCompliance slo : product.slos()) {
                Tags tags = productTags.and("indicator", slo.indicator());
                if (slo.complianceRate() != null) {
                    rates.put(tags, slo.complianceRate());
                }
                statuses.put(tags.and("status", slo.status().name()), 1.0);
                burns.put(tags, slo.burnRate());
            }
        }
        sloRate.publish(rates);
        sloStatus.publish(statuses);
        sloBurnRate.publish(burns);
        productCompliant.publish(compliant);
        Rollup mesh = compliance.mesh(products);
        meshRate.set(rateOf(mesh));
        Map<Tags, Double> domains = new HashMap<>();
        mesh.domains().forEach(domain -> domains.put(Tags.of("domain", domain.domain()), rateOf(domain)));
        domainRate.publish(domains);
    }

    private static double rateOf(Rollup rollup) {
        return rollup.complianceRate() == null ? Double.NaN : rollup.complianceRate();
    }
}
