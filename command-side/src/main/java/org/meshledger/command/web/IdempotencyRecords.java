package org.meshledger.command.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.meshledger.platform.eventstore.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The first answer to each idempotency key, kept beside the events for {@code meshledger.idempotency.ttl} (24 h). A
 * key is claimed before the command runs, so two requests racing with one key cannot both record. After the TTL a
 * key is free again, answered or not: a real MongoDB deletes the record by its TTL index, and a record still there
 * (the embedded store keeps them) is treated as gone. A key claimed but never answered is free again after
 * {@code meshledger.idempotency.in-flight-lease} (30 s), longer than any request runs: its request's process died.
 */
@Component
public class IdempotencyRecords {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecords.class);

    private final MongoCollection<Document> records;
    private final Duration ttl;
    private final Duration inFlightLease;

    public IdempotencyRecords(
            MongoClient mongoClient,
            StoreProperties store,
            @Value("${meshledger.idempotency.ttl:24h}") Duration ttl,
            @Value("${meshledger.idempotency.in-flight-lease:30s}") Duration inFlightLease) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("meshledger.idempotency.ttl must be positive");
        }
        if (inFlightLease.isNegative() || inFlightLease.isZero() || inFlightLease.compareTo(ttl) > 0) {
            throw new IllegalArgumentException(
                    "meshledger.idempotency.in-flight-lease must be positive and no longer than the TTL");
        }
        this.ttl = ttl;
        this.inFlightLease = inFlightLease;
        this.records = mongoClient.getDatabase(store.database()).getCollection("idempotency_keys");
        try {
            records.createIndex(
                    Indexes.ascending("claimedAt"),
                    new IndexOptions().name("expire_after_ttl").expireAfter(ttl.toSeconds(), TimeUnit.SECONDS));
        } catch (MongoCommandException otherTtl) {
            // made before with another TTL: a real MongoDB changes it only by collMod, the reads below apply this one
            log.warn("The idempotency keys' TTL index was left as it was: {}", otherTtl.getErrorMessage());
        }
    }

    /** Claims the key for this request, or returns what was stored under it within the TTL. */
    public Optional<StoredRequest> claimOrFind(String id, String requestHash, Instant now) {
        Optional<Document> stored = claimOrFindDocument(id, requestHash, now);
        if (stored.isPresent() && abandoned(stored.get(), now)) {
            log.warn(
                    "Idempotency key {} was claimed at {} by a request that never answered (its process died): "
                            + "the retry runs the command",
                    id,
                    stored.get().getDate("claimedAt").toInstant());
        }
        if (stored.isPresent() && (expired(stored.get(), now) || abandoned(stored.get(), now))) {
            // free it, unless another request renewed it meanwhile, and claim it afresh
            records.deleteOne(Filters.and(
                    Filters.eq("_id", id), Filters.eq("claimedAt", stored.get().get("claimedAt"))));
            stored = claimOrFindDocument(id, requestHash, now);
        }
        return stored.map(StoredRequest::from);
    }

    private Optional<Document> claimOrFindDocument(String id, String requestHash, Instant now) {
        try {
            records.insertOne(new Document("_id", id)
                    .append("requestHash", requestHash)
                    .append("state", "IN_FLIGHT")
                    .append("claimedAt", Date.from(now)));
            return Optional.empty();
        } catch (MongoWriteException exists) {
            if (exists.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw exists;
            }
            return Optional.ofNullable(records.find(Filters.eq("_id", id)).first());
        }
    }

    /**
     * Claimed longer ago than any request runs, and never answered: its process died between claim and answer. Left
     * alone, the key would answer "in flight" to every retry until the TTL, so the client could never land it.
     */
    private boolean abandoned(Document record, Instant now) {
        Date claimedAt = record.getDate("claimedAt");
        return "IN_FLIGHT".equals(record.getString("state"))
                && claimedAt != null
                && !claimedAt.toInstant().plus(inFlightLease).isAfter(now);
    }

    private boolean expired(Document record, Instant now) {
        Date claimedAt = record.getDate("claimedAt");
        return claimedAt != null && !claimedAt.toInstant().plus(ttl).isAfter(now);
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
