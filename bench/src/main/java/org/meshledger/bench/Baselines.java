package org.meshledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;

/** What the raw driver does with the same store: the denominators of the ratios. */
final class Baselines {

    private final MongoClient client;

    Baselines(MongoClient client) {
        this.client = client;
    }

    /**
     * {@code insertOne} of {@code count} documents shaped like stored events (same fields, same unique stream key),
     * from {@code threads} concurrent writers: events per second.
     */
    double rawInserts(String database, int count, int threads) throws Exception {
        return rawInserts(database, 0, count, threads);
    }

    /** As {@link #rawInserts(String, int, int)}, the documents numbered from {@code first}. */
    double rawInserts(String database, int first, int count, int threads) throws Exception {
        MongoCollection<Document> events = client.getDatabase(database).getCollection("events");
        events.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
        AtomicInteger next = new AtomicInteger(first);
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            done.add(writers.submit(() -> {
                for (int index = next.getAndIncrement(); index < first + count; index = next.getAndIncrement()) {
                    events.insertOne(eventShaped(index));
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        double rate = count / seconds(start);
        writers.shutdown();
        return rate;
    }

    /**
     * Reads every event of {@code database} in stored order and bulk-upserts a product summary per event (1,000 to a
     * bulk write): events per second.
     */
    double rawCatchUp(String database, String viewsDatabase) throws Exception {
        MongoCollection<Document> events = client.getDatabase(database).getCollection("events");
        MongoCollection<Document> summaries = client.getDatabase(viewsDatabase).getCollection("summaries");
        Map<String, Document> current = new HashMap<>();
        List<WriteModel<Document>> writes = new ArrayList<>();
        long read = 0;
        long start = System.nanoTime();
        for (Document event : inIndexOrder(events)) {
            if (Boolean.TRUE.equals(event.getBoolean("placeholder"))) {
                continue;
            }
            JsonNode payload = Client.JSON.readTree(event.getString("payload"));
            String productId = payload.get("productId").asText();
            Document summary = current.computeIfAbsent(productId, id -> new Document("_id", id));
            if (payload.has("domain")) {
                summary.append("domain", payload.get("domain").asText())
                        .append("name", payload.get("name").asText())
                        .append("classification", payload.get("classification").asText())
                        .append("ownerTeam", payload.get("ownerTeam").asText())
                        .append("status", "ACTIVE");
            } else {
                summary.append("ownerTeam", payload.get("toTeam").asText());
            }
            summary.append("version", event.get("sequenceNumber"));
            writes.add(new ReplaceOneModel<>(
                    Filters.eq("_id", productId), new Document(summary), new ReplaceOptions().upsert(true)));
            read++;
            if (writes.size() == 1_000) {
                summaries.bulkWrite(writes, new BulkWriteOptions().ordered(true));
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            summaries.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
        return read / seconds(start);
    }

    /** Every event by exact index, 1,000 a query: the embedded store answers a plain find in one reply. */
    private static Iterable<Document> inIndexOrder(MongoCollection<Document> events) {
        List<Document> all = new ArrayList<>();
        for (long from = 0; ; from += 1_000) {
            List<Long> window = new ArrayList<>(1_000);
            for (long index = from; index < from + 1_000; index++) {
                window.add(index);
            }
            List<Document> found = events.find(Filters.in("_id", window)).into(new ArrayList<>());
            if (found.isEmpty()) {
                return all;
            }
            found.sort(java.util.Comparator.comparingLong(
                    document -> document.get("_id", Number.class).longValue()));
            all.addAll(found);
        }
    }

    private static Document eventShaped(int index) {
        String productId = "raw.p-" + (index / 4);
        long sequence = index % 4;
        String payload = sequence == 0
                ? """
                {"productId":"%s","domain":"raw","name":"Raw %s","classification":"DERIVED","ownerTeam":"team-0",\
                "description":null,"effectiveAt":null}"""
                        .formatted(productId, productId)
                : """
                {"productId":"%s","fromTeam":"team-%d","toTeam":"team-%d","reason":"reorganisation",\
                "approvedBy":null,"effectiveAt":null}"""
                        .formatted(productId, sequence - 1, sequence);
        return new Document("_id", (long) index)
                .append("streamKey", productId + "#" + sequence)
                .append("aggregateIdentifier", productId)
                .append("sequenceNumber", sequence)
                .append("type", "DataProduct")
                .append("eventIdentifier", UUID.randomUUID().toString())
                .append("timestamp", java.time.Instant.now().toString())
                .append("payloadType", "org.meshledger.api.event.DataProductRegistered")
                .append("payloadRevision", "1")
                .append("payload", payload)
                .append("metaData", "{\"actor\":\"bench@example.org\",\"correlationId\":\"" + productId + "\"}");
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
