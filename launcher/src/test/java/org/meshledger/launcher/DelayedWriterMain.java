package org.meshledger.launcher;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.meshledger.api.event.DataProductRegistered;
import org.meshledger.api.model.Classification;
import org.meshledger.platform.eventstore.EventStoreConfiguration;
import org.meshledger.platform.eventstore.LedgerEventStorageEngine;
import org.meshledger.platform.eventstore.StoreProperties;

/**
 * A writer process for {@link LateWritesAcrossProcessesTest}: registers {@code count} products of domain "late",
 * four at a time, and holds every {@code delayEvery}-th write for {@code delayMs} between the event's creation (for
 * the ledger: between allocating its global index) and its insert.
 *
 * <p>Arguments: storeUri engine(ledger|extension) database writerName count delayEvery delayMs
 */
public final class DelayedWriterMain {

    private DelayedWriterMain() {}

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        boolean ledger = "ledger".equals(args[1]);
        String database = args[2];
        String writer = args[3];
        int count = Integer.parseInt(args[4]);
        int delayEvery = Integer.parseInt(args[5]);
        long delayMs = Long.parseLong(args[6]);
        ThreadLocal<Boolean> delayThisWrite = ThreadLocal.withInitial(() -> false);
        try (MongoClient client = MongoClients.create(uri)) {
            EventStorageEngine engine = ledger
                    ? LedgerEventStorageEngine.builder()
                            .database(client.getDatabase(database))
                            .afterAllocation(index -> {
                                if (delayThisWrite.get()) {
                                    delayThisWrite.set(false);
                                    sleep(delayMs);
                                }
                            })
                            .eventSerializer(EventStoreConfiguration.jacksonSerializer())
                            .snapshotSerializer(EventStoreConfiguration.snapshotSerializer())
                            .build()
                    : EventStoreConfiguration.extensionEngine(
                            client,
                            new StoreProperties(database, null, "extension", null, null, Duration.ofSeconds(1), null),
                            NoTransactionManager.INSTANCE,
                            EventStoreConfiguration.jacksonSerializer());
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<?>> writes = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                int number = index;
                boolean delayed = number % delayEvery == delayEvery - 1;
                writes.add(threads.submit(() -> {
                    String productId = "late.%s-%d".formatted(writer, number);
                    var event = new GenericDomainEventMessage<>(
                            "DataProduct",
                            productId,
                            0,
                            new DataProductRegistered(
                                    productId,
                                    "late",
                                    "Late " + number,
                                    Classification.DERIVED,
                                    "late-team",
                                    null,
                                    null),
                            MetaData.from(Map.of("actor", "writer-" + writer, "correlationId", productId)));
                    if (delayed && !ledger) {
                        sleep(delayMs);
                    }
                    delayThisWrite.set(delayed && ledger);
                    engine.appendEvents(event);
                    sleep(20);
                    return null;
                }));
            }
            try {
                for (Future<?> write : writes) {
                    write.get();
                }
            } finally {
                // a failed write must end the process (non-zero), not leave it waiting on its pool's threads
                threads.shutdownNow();
            }
            System.out.println("acknowledged " + count);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
