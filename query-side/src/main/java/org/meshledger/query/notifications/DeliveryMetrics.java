package org.meshledger.query.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.meshledger.platform.notifications.QueuedDelivery;
import org.springframework.stereotype.Component;

/**
 * {@code meshledger_notifications_attempts_total{outcome}} (delivered, retrying, dead, disabled) and, per subscription,
 * {@code meshledger_notifications_oldest_undelivered_seconds}: how long its oldest waiting notification has waited.
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final MultiGauge oldestWaiting;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.oldestWaiting = MultiGauge.builder("meshledger.notifications.oldest.undelivered")
                .baseUnit("seconds")
                .description("How long each subscription's oldest notification still to be delivered has waited")
                .register(registry);
    }

    void counted(String outcome) {
        outcomes.computeIfAbsent(outcome, name -> Counter.builder("meshledger.notifications.attempts")
                        .description("Attempts to deliver a notification, by what came of them")
                        .tag("outcome", name)
                        .register(registry))
                .increment();
    }

    /** What waits now, oldest written first per subscription ({@code order} is microseconds since the epoch). */
    void waiting(List<QueuedDelivery> queued, Instant now) {
        Map<String, Long> oldest = queued.stream()
                .collect(Collectors.toMap(QueuedDelivery::subscriptionId, QueuedDelivery::order, Math::min));
        long nowMicros = now.toEpochMilli() * 1000;
        oldestWaiting.register(
                oldest.entrySet().stream()
                        .map(entry -> MultiGauge.Row.of(
                                Tags.of("subscription", entry.getKey()),
                                Math.max(0, nowMicros - entry.getValue()) / 1_000_000.0))
                        .toList(),
                true);
    }
}
