package org.meshledger.query.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.meshledger.api.event.SliObserved;

/** Builds a product's stream as the command side records it: numbered from 0, stamped, with request metadata. */
public final class ProductHistory {

    private final String productId;
    private final List<DomainEventMessage<?>> events = new ArrayList<>();
    private long productSequence;
    private long observationSequence;
    private Instant clock;

    public ProductHistory(String productId, Instant start) {
        this.productId = productId;
        this.clock = start;
    }

    /** More of a product's history: its streams go on numbering where {@code earlier} stopped. */
    public ProductHistory continuing(ProductHistory earlier) {
        productSequence = earlier.productSequence;
        observationSequence = earlier.observationSequence;
        return this;
    }

    /** The next event, recorded a millisecond after the previous one. */
    public ProductHistory then(Object payload) {
        return then(payload, clock.plusMillis(1));
    }

    /** An observation, on the product's observation stream, recorded a millisecond after the previous event. */
    public ProductHistory observed(SliObserved observation) {
        clock = clock.plusMillis(1);
        events.add(
                message(SliObserved.STREAM_TYPE, SliObserved.streamOf(productId), observationSequence++, observation));
        return this;
    }

    public ProductHistory then(Object payload, Instant recordedAt) {
        clock = recordedAt;
        events.add(message("DataProduct", productId, productSequence++, payload));
        return this;
    }

    private DomainEventMessage<?> message(String type, String stream, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(
                type,
                stream,
                sequence,
                payload,
                MetaData.from(Map.of(
                        "actor",
                        "steward@example.org",
                        "correlationId",
                        UUID.randomUUID().toString())),
                UUID.randomUUID().toString(),
                clock);
    }

    public List<DomainEventMessage<?>> events() {
        return List.copyOf(events);
    }
}
