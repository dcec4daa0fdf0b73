package org.meshledger.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meshledger.query.support.ProductEventsSeen;

class ProductEventTailTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final ProductEventsSeen seen = new ProductEventsSeen();
    private final AtomicReference<TrackingToken> viewsReadThrough = new AtomicReference<>();
    private final ProductEventTail tail = new ProductEventTail(
            eventStore,
            seen,
            position -> viewsReadThrough.get() != null && viewsReadThrough.get().covers(position));

    @AfterEach
    void stop() {
        tail.stop();
        eventStore.shutDown();
    }

    @Test
    void givenTheTailFollowed_whenAProductEventIsStoredByAnyWriter_thenDocumentsReadBeforeItAreNoLongerCurrent()
            throws InterruptedException {
        eventStore.publish(event("p", 0), event("p", 1));
        tail.start();
        within(Duration.ofSeconds(5), seen::following);
        // events stored before the tail was followed are not its to report
        assertThat(seen.isCurrent("p", 0)).isTrue();

        eventStore.publish(event("p", 2));

        within(Duration.ofSeconds(5), () -> !seen.isCurrent("p", 1));
        assertThat(seen.isCurrent("p", 2)).isTrue();
    }

    @Test
    void givenTheTailFollowed_whenTheKeptViewsReadPastWhereItStarted_thenTheViewsCountAsSettled()
            throws InterruptedException {
        eventStore.publish(event("p", 0));
        tail.start();
        within(Duration.ofSeconds(5), seen::following);
        eventStore.publish(event("p", 1));
        Thread.sleep(1_500);
        assertThat(seen.settled()).as("the views have not read anything yet").isFalse();

        viewsReadThrough.set(eventStore.createHeadToken());

        within(Duration.ofSeconds(5), seen::settled);
    }

    @Test
    void givenTheTailStopped_thenNoDocumentCountsAsCurrent() throws InterruptedException {
        tail.start();
        within(Duration.ofSeconds(5), seen::following);
        tail.stop();
        assertThat(seen.isCurrent("p", 0)).isFalse();
    }

    private static void within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", limit).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static GenericDomainEventMessage<String> event(String productId, long sequence) {
        return new GenericDomainEventMessage<>("DataProduct", productId, sequence, "changed", MetaData.emptyInstance());
    }
}
