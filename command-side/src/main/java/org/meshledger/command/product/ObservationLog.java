package org.meshledger.command.product;

import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.meshledger.api.event.SliObserved;
import org.springframework.stereotype.Component;

/**
 * Appends observations to the product's observation stream, numbered after the last one recorded there. Two
 * processes appending the same numbers collide on the store's unique index: one of them is refused, none is lost.
 */
@Component
public class ObservationLog {

    private final EventStore eventStore;

    public ObservationLog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    void append(String productId, List<SliObserved> observations) {
        if (observations.isEmpty()) {
            return;
        }
        String stream = SliObserved.streamOf(productId);
        long next =
                eventStore.lastSequenceNumberFor(stream).map(last -> last + 1).orElse(0L);
        eventStore.publish(IntStream.range(0, observations.size())
                .mapToObj(index -> new GenericDomainEventMessage<>(
                        SliObserved.STREAM_TYPE, stream, next + index, observations.get(index)))
                .toList());
    }
}
