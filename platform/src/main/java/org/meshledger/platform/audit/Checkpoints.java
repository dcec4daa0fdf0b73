package org.meshledger.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.meshledger.platform.eventstore.AuditTrail;
import org.meshledger.platform.eventstore.StoredEvent;

/**
 * Checkpoints: the head sequence and hash of every aggregate, written apart from the events. A chain alone cannot show
 * that its last events were deleted; a checkpoint can. Each checkpoint reads only the events stored since the one
 * before (from the lowest index that was still empty then), so taking one stays cheap as the log grows.
 */
public class Checkpoints {

    static final String CHECKPOINTS = "checkpoints";
    static final String HEADS = "checkpoint_heads";

    private final AuditTrail trail;
    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> heads;
    private final CheckpointSigner signer;
    private final ObjectMapper json = new ObjectMapper();

    public Checkpoints(AuditTrail trail, MongoDatabase database, CheckpointSigner signer) {
        this.trail = trail;
        this.checkpoints = database.getCollection(CHECKPOINTS);
        this.heads = database.getCollection(HEADS);
        this.signer = signer;
    }

    public synchronized Checkpoint take(Instant now) {
        Optional<Checkpoint> previous = latest();
        long from = previous.map(Checkpoint::position).orElse(0L);
        // only each aggregate's newest event is kept: the log since the last checkpoint is never held in memory
        Map<String, StoredEvent> newest = new HashMap<>();
        long firstMissing = trail.forEachStored(
                from,
                trail.nextIndex(),
                event -> newest.merge(event.aggregateId(), event, (a, b) -> a.sequence() >= b.sequence() ? a : b));
        long number = previous.map(Checkpoint::number).orElse(0L) + 1;
        newest.values().forEach(event -> advanceHead(event, number));
        List<CheckpointHead> all = allHeads();
        Checkpoint checkpoint = new Checkpoint(number, now, firstMissing, all.size(), signer.digest(all));
        checkpoints.replaceOne(
                Filters.eq("_id", number),
                new Document("_id", number)
                        .append("takenAt", now.toString())
                        .append("position", checkpoint.position())
                        .append("aggregates", checkpoint.aggregates())
                        .append("digest", checkpoint.digest()),
                new ReplaceOptions().upsert(true));
        return checkpoint;
    }

    /** The newest checkpoint; checkpoints are few (one an hour by default), so reading their headers is cheap. */
    public Optional<Checkpoint> latest() {
        return checkpoints.find().into(new ArrayList<>()).stream()
                .map(Checkpoints::checkpoint)
                .max(Comparator.comparingLong(Checkpoint::number));
    }

    public Optional<CheckpointHead> headOf(String aggregateId) {
        return Optional.ofNullable(heads.find(Filters.eq("_id", aggregateId)).first())
                .map(Checkpoints::head);
    }

    public List<CheckpointHead> allHeads() {
        return heads.find().into(new ArrayList<>()).stream()
                .map(Checkpoints::head)
                .sorted(Comparator.comparing(CheckpointHead::aggregateId))
                .toList();
    }

    /** The latest checkpoint with every head, signed, for auditors to keep outside the system. */
    public Optional<SignedCheckpoint> export() {
        return latest().map(checkpoint -> signer.sign(checkpoint, allHeads(), json));
    }

    private void advanceHead(StoredEvent event, long number) {
        Document current = heads.find(Filters.eq("_id", event.aggregateId())).first();
        if (current != null && head(current).sequence() >= event.sequence()) {
            return;
        }
        heads.replaceOne(
                Filters.eq("_id", event.aggregateId()),
                new Document("_id", event.aggregateId())
                        .append("sequence", event.sequence())
                        .append("hash", event.hash())
                        .append("checkpoint", number),
                new ReplaceOptions().upsert(true));
    }

    private static CheckpointHead head(Document document) {
        return new CheckpointHead(
                document.getString("_id"),
                ((Number) document.get("sequence")).longValue(),
                document.getString("hash"),
                ((Number) document.get("checkpoint")).longValue());
    }

    private static Checkpoint checkpoint(Document document) {
        return new Checkpoint(
                ((Number) document.get("_id")).longValue(),
                Instant.parse(document.getString("takenAt")),
                ((Number) document.get("position")).longValue(),
                ((Number) document.get("aggregates")).longValue(),
                document.getString("digest"));
    }

    /**
     * @param position the lowest global index the next checkpoint reads from
     * @param digest SHA-256 over the canonical JSON of every head
     */
    public record Checkpoint(long number, Instant takenAt, long position, long aggregates, String digest) {}
}
