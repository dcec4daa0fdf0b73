package org.meshledger.query.slo;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.meshledger.api.event.SliObserved;
import org.springframework.stereotype.Component;

/**
 * Keeps a product's events and its observations in one sequence, so that views which judge observations against a
 * product's SLOs see both in the order they were stored, live and on replay alike.
 */
@Component("productSequencingPolicy")
public class ProductSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof SliObserved observed) {
            return observed.productId();
        }
        if (event instanceof DomainEventMessage<?> domain) {
            return domain.getAggregateIdentifier();
        }
        return event.getIdentifier();
    }
}
