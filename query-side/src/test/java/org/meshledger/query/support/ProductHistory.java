package org.meshledger.query.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/** Builds a product's stream as the command side records it: numbered from 0, stamped, with request metadata. */
public final class ProductHistory {

    private final String productId;
    private final List<DomainEventMessage<?>> events = new ArrayList<>();
    private Instant clock;

    public ProductHistory(String productId, Instant start) {
        this.productId = productId;
        this.clock = start;
    }

    /** The next event, recorded a millisecond after the previous one. */
    public ProductHistory then(Object payload) {
        return then(payload, clock.plusMillis(1));
    }

    public ProductHistory then(Object payload, Instant recordedAt) {
        clock = recordedAt;
        events.add(new GenericDomainEventMessage<>(
                "DataProduct",
                productId,
                events.size(),
                payload,
                MetaData.from(Map.of(
                        "actor",
                        "steward@example.org",
                        "correlationId",
                        UUID.randomUUID().toString())),
                UUID.randomUUID().toString(),
                recordedAt));
        return this;
    }

    public List<DomainEventMessage<?>> events() {
        return List.copyOf(events);
    }
}
