package org.meshledger.query.compliance;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rows of one {@link MultiGauge}, published on every refresh. A row that was there before keeps its gauge and
 * takes the new value; only a row that appears or goes away changes the registry. Registering every row afresh
 * instead removed and recreated one gauge per product on each refresh: with 19,000 products that was a burst of
 * work on every refresh that the reads served meanwhile waited behind.
 */
final class GaugeRows {

    private final MultiGauge gauge;
    private Map<Tags, AtomicReference<Double>> values = Map.of();

    GaugeRows(MultiGauge gauge) {
        this.gauge = gauge;
    }

    /** Called from one thread at a time: the refresh holds the metrics' refresh lock. */
    void publish(Map<Tags, Double> rows) {
        Map<Tags, AtomicReference<Double>> published = new HashMap<>(rows.size() * 2);
        List<Row<?>> registered = new ArrayList<>(rows.size());
        rows.forEach((tags, value) -> {
            AtomicReference<Double> held = values.getOrDefault(tags, new AtomicReference<>());
            held.set(value);
            published.put(tags, held);
            registered.add(Row.of(tags, held, AtomicReference::get));
        });
        // without overwriting, a row already registered keeps its gauge, which reads the value held above
        gauge.register(registered, false);
        values = published;
    }
}
