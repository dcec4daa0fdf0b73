package org.meshledger.platform.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * One processor's events counted by outcome, and its latency: how old the last event it took was when it took it.
 * Every meter is registered once, so an event costs an increment; the latency reads the event's timestamp only when
 * scraped.
 */
final class HandledEvents implements MessageMonitor<Message<?>> {

    private final Clock clock;
    private final MonitorCallback callback;
    private volatile Taken lastTaken;

    private record Taken(EventMessage<?> event, long atMillis) {}

    HandledEvents(MeterRegistry registry, String processor) {
        this.clock = registry.config().clock();
        Counter succeeded = counter(registry, processor, "success");
        Counter failed = counter(registry, processor, "failure");
        Counter ignored = counter(registry, processor, "ignored");
        this.callback = new MonitorCallback() {
            @Override
            public void reportSuccess() {
                succeeded.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                failed.increment();
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
            }
        };
        Gauge.builder("meshledger.processor.latency", this, HandledEvents::latencyMillis)
                .description("How old the last event the processor took was when it took it")
                .baseUnit("milliseconds")
                .tag("processor", processor)
                .strongReference(true)
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String processor, String outcome) {
        return Counter.builder("meshledger.processor.events")
                .description("Events the processor handled, by outcome")
                .tag("processor", processor)
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        if (message instanceof EventMessage<?> event) {
            lastTaken = new Taken(event, clock.wallTime());
        }
        return callback;
    }

    private double latencyMillis() {
        Taken taken = lastTaken;
        return taken == null
                ? 0
                : taken.atMillis() - taken.event().getTimestamp().toEpochMilli();
    }
}
