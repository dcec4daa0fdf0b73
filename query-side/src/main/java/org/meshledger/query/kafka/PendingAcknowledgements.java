package org.meshledger.query.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The sends of one processor batch that the brokers have yet to acknowledge. The batch's token may move only once
 * all of them are acknowledged: a failure here fails the batch, and it is read and sent again from its start.
 */
final class PendingAcknowledgements {

    private static final String RESOURCE = PendingAcknowledgements.class.getName();

    private final List<Future<RecordMetadata>> sends = new ArrayList<>();

    static PendingAcknowledgements of(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(RESOURCE, key -> new PendingAcknowledgements());
    }

    void add(Future<RecordMetadata> send) {
        sends.add(send);
    }

    void awaitAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException refused) {
            throw new KafkaPublishingFailed("The brokers refused a governance event", refused.getCause());
        } catch (TimeoutException late) {
            throw new KafkaPublishingFailed(
                    "The brokers did not acknowledge governance events within " + timeout, late);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishingFailed("Interrupted while awaiting the brokers' acknowledgement", interrupted);
        } finally {
            sends.clear();
        }
    }

    /** A batch of governance events not acknowledged: its token stays where it was, and the batch is sent again. */
    static final class KafkaPublishingFailed extends RuntimeException {

        KafkaPublishingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
