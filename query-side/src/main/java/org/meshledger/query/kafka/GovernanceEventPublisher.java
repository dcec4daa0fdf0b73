package org.meshledger.query.kafka;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Publishes every stored governance event to Kafka, keyed by its aggregate so a product's events keep their order
 * in one partition. A processor of its own reads the log with its own token, and that token moves past a batch only
 * once the brokers have acknowledged all of it: at least once, never lost.
 */
@ProcessingGroup(GovernanceEventPublisher.NAME)
final class GovernanceEventPublisher {

    static final String NAME = "kafka-publisher";

    private final Producer<String, CloudEvent> producer;
    private final GovernanceTopic topic;
    private final GovernanceCloudEvents cloudEvents;
    private final Duration ackTimeout;

    GovernanceEventPublisher(
            Producer<String, CloudEvent> producer,
            GovernanceTopic topic,
            GovernanceCloudEvents cloudEvents,
            Duration ackTimeout) {
        this.producer = producer;
        this.topic = topic;
        this.cloudEvents = cloudEvents;
        this.ackTimeout = ackTimeout;
    }

    @EventHandler
    void on(DomainEventMessage<?> event) {
        topic.ensureExists();
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        PendingAcknowledgements pending = PendingAcknowledgements.of(batch);
        pending.add(producer.send(
                new ProducerRecord<>(topic.name(), event.getAggregateIdentifier(), cloudEvents.of(event))));
        boolean lastOfBatch = !(batch instanceof BatchingUnitOfWork<?> several) || several.isLastMessage();
        if (lastOfBatch) {
            pending.awaitAll(ackTimeout);
        }
    }
}
