package org.meshledger.query.compliance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compliance as Prometheus gauges, refreshed from the compliance view, so existing dashboards and alert rules can page
 * on it. Names and labels are listed in README ("Metrics").
 */
@Component
class ComplianceMetrics {

    private final ComplianceQueries compliance;
    private final MultiGauge sloRate;
    private final MultiGauge sloStatus;
    private final MultiGauge sloBurnRate;
    private final MultiGauge productCompliant;
    private final MultiGauge domainRate;
    private final AtomicReference<Double> meshRate = new AtomicReference<>(Double.NaN);

    ComplianceMetrics(ComplianceQueries compliance, MeterRegistry registry) {
        this.compliance = compliance;
        this.sloRate = MultiGauge.builder("meshledger.slo.compliance.rate")
                .description("Good / all observations in the SLO's window")
                .register(registry);
        this.sloStatus = MultiGauge.builder("meshledger.slo.status")
                .description("1 for the SLO's current status (MEETING, BREACHING, NO_DATA)")
                .register(registry);
        this.sloBurnRate = MultiGauge.builder("meshledger.slo.burn.rate")
                .description("Error-budget burn rate over the last hour; above 5 is the paging signal")
                .register(registry);
        this.productCompliant = MultiGauge.builder("meshledger.product.compliant")
                .description("1 when the product is compliant, else 0")
                .register(registry);
        this.domainRate = MultiGauge.builder("meshledger.domain.compliance.rate")
                .description("Share of a domain's products that are compliant")
                .register(registry);
        Gauge.builder("meshledger.mesh.compliance.rate", meshRate, AtomicReference::get)
                .description("Share of the mesh's products that are compliant")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${meshledger.metrics.compliance-refresh:15s}", initialDelayString = "5s")
    void refresh() {
        List<ProductCompliance> products = compliance.allProducts();
        List<Row<?>> rates = new ArrayList<>();
        List<Row<?>> statuses = new ArrayList<>();
        List<Row<?>> burns = new ArrayList<>();
        List<Row<?>> compliant = new ArrayList<>();
        for (ProductCompliance product : products) {
            Tags productTags = Tags.of("product", product.productId(), "domain", product.domain());
            compliant.add(Row.of(productTags, product.compliant() ? 1 : 0));
            for (SloCompliance slo : product.slos()) {
                Tags tags = productTags.and("indicator", slo.indicator());
                if (slo.complianceRate() != null) {
                    rates.add(Row.of(tags, slo.complianceRate()));
                }
                statuses.add(Row.of(tags.and("status", slo.status().name()), 1));
                burns.add(Row.of(tags, slo.burnRate()));
            }
        }
        sloRate.register(rates, true);
        sloStatus.register(statuses, true);
        sloBurnRate.register(burns, true);
        productCompliant.register(compliant, true);
        Rollup mesh = compliance.mesh(products);
        meshRate.set(mesh.complianceRate() == null ? Double.NaN : mesh.complianceRate());
        domainRate.register(
                mesh.domains().stream()
                        .map(domain -> Row.of(Tags.of("domain", domain.domain()), domain.complianceRate()))
                        .toList(),
                true);
    }
}
