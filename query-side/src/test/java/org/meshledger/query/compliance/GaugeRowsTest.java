package org.meshledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GaugeRowsTest {

    private static final Tags ORDERS = Tags.of("product", "sales.orders");
    private static final Tags CLAIMS = Tags.of("product", "claims.open");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GaugeRows rows =
            new GaugeRows(MultiGauge.builder("meshledger.product.compliant").register(registry));

    @Test
    void givenARefresh_thenAKeptRowShowsItsNewValueOnTheSameGauge() {
        rows.publish(Map.of(ORDERS, 1.0, CLAIMS, 0.0));
        Gauge ordersBefore = gauge(ORDERS);

        rows.publish(Map.of(ORDERS, 0.0, CLAIMS, 1.0));

        assertThat(gauge(ORDERS)).isSameAs(ordersBefore);
        assertThat(gauge(ORDERS).value()).isZero();
        assertThat(gauge(CLAIMS).value()).isEqualTo(1.0);
    }

    @Test
    void givenARowNoLongerPublished_thenItsGaugeIsGone_andItComesBackWithItsNewValue() {
        rows.publish(Map.of(ORDERS, 1.0, CLAIMS, 1.0));

        rows.publish(Map.of(ORDERS, 1.0));
        assertThat(registry.find("meshledger.product.compliant").tags(CLAIMS).gauge())
                .isNull();

        rows.publish(Map.of(ORDERS, 1.0, CLAIMS, 0.0));
        assertThat(gauge(CLAIMS).value()).isZero();
        assertThat(registry.find("meshledger.product.compliant").gauges()).hasSize(2);
    }

    private Gauge gauge(Tags tags) {
        return registry.get("meshledger.product.compliant").tags(tags).gauge();
    }
}
