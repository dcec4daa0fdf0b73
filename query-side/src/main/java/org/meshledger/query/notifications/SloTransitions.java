package org.meshledger.query.notifications;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.meshledger.platform.eventstore.StoreProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * SLO breaches begun and ended, as the drift timeline judges them when each observation arrives, waiting to be told.
 * Written once per transition (a replay of the drift view writes the same ones again, to the same ids), and told
 * only once the notifications' processor has read the log past it, so the audience is the one of that moment.
 */
@Component
public class SloTransitions {

    /** A breach begun ({@code started}) or ended on an SLO of {@code productId}, at the observation {@code eventId}. */
    record Transition(
            String id, long position, String productId, boolean started, Instant at, Map<String, Object> details) {}

    private final MongoCollection<Document> transitions;

    static final String COLLECTION = "notification_slo_transitions";

    @Autowired
    SloTransitions(MongoClient mongo, StoreProperties store) {
        this(mongo.getDatabase(store.database()).getCollection(COLLECTION));
    }

    /** Kept in {@code transitions}: a view rebuilt elsewhere keeps its own. */
    public SloTransitions(MongoCollection<Document> transitions) {
        this.transitions = transitions;
    }

    /** {@code position}: the observation's place in the event log. */
    public void record(
            String eventId, long position, String productId, boolean started, Instant at, Map<String, Object> details) {
        String id = "slo|" + eventId + "|" + details.get("indicator");
        transitions.updateOne(
                Filters.eq("_id", id),
                Updates.combine(
                        Updates.setOnInsert("position", position),
                        Updates.setOnInsert("productId", productId),
                        Updates.setOnInsert("started", started),
                        Updates.setOnInsert("at", Date.from(at)),
                        Updates.setOnInsert("details", new Document(details))),
                new UpdateOptions().upsert(true));
    }

    /** Transitions at or before {@code position} in the log, in the order they happened. */
    List<Transition> readUpTo(long position) {
        List<Transition> due = new ArrayList<>();
        transitions
                .find(Filters.lte("position", position))
                .forEach(found -> due.add(new Transition(
                        found.getString("_id"),
                        found.getLong("position"),
                        found.getString("productId"),
                        found.getBoolean("started"),
                        found.getDate("at").toInstant(),
                        found.get("details", Document.class))));
        due.sort(Comparator.comparingLong(Transition::position));
        return due;
    }

    void told(String id) {
        transitions.deleteOne(Filters.eq("_id", id));
    }
}
