package org.meshledger.command.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.meshledger.platform.eventstore.StoreProperties;
import org.springframework.stereotype.Component;

/**
 * The first answer to each idempotency key, kept beside the events. A key is claimed before the command runs, so two
 * requests racing with one key cannot both record.
 */
@Component
public class IdempotencyRecords {

    private final MongoCollection<Document> records;

    public IdempotencyRecords(MongoClient mongoClient, StoreProperties store) {
        this.records = mongoClient.getDatabase(store.database()).getCollection("idempotency_keys");
    }

    /** Claims the key for this request, or returns what was stored under it before. */
    public Optional<StoredRequest> claimOrFind(String id, String requestHash, Instant now) {
        try {
            records.insertOne(new Document("_id", id)
                    .append("requestHash", requestHash)
                    .append("state", "IN_FLIGHT")
                    .append("claimedAt", java.util.Date.from(now)));
            return Optional.empty();
        } catch (MongoWriteException exists) {
            if (exists.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw exists;
            }
            return Optional.ofNullable(records.find(Filters.eq("_id", id)).first())
                    .map(StoredRequest::from);
        }
    }

    public void complete(String id, StoredResponse response) {
        records.updateOne(
                Filters.eq("_id", id),
                Updates.combine(
                        Updates.set("state", "DONE"),
                        Updates.set("status", response.status()),
                        Updates.set("contentType", response.contentType()),
                        Updates.set("location", response.location()),
                        Updates.set("etag", response.etag()),
                        Updates.set("body", new Binary(response.body()))));
    }

    /** Frees the key after a failure of ours, so the client's retry runs the command instead of replaying a 5xx. */
    public void release(String id) {
        records.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "IN_FLIGHT")));
    }

    public record StoredRequest(String requestHash, Optional<StoredResponse> response) {

        static StoredRequest from(Document document) {
            Optional<StoredResponse> response = "DONE".equals(document.getString("state"))
                    ? Optional.of(new StoredResponse(
                            document.getInteger("status"),
                            document.getString("contentType"),
                            document.getString("location"),
                            document.getString("etag"),
                            document.get("body", Binary.class).getData()))
                    : Optional.empty();
            return new StoredRequest(document.getString("requestHash"), response);
        }
    }

    public record StoredResponse(int status, String contentType, String location, String etag, byte[] body) {}
}
