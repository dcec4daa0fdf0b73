package org.meshledger.query.notifications;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.meshledger.api.model.NotificationKind;
import org.meshledger.platform.eventstore.StoreProperties;
import org.springframework.stereotype.Component;

/**
 * The moments a sunset is to be announced again: 7 days and 1 day before it, and when it has passed. Kept beside the
 * events, so a restart or a rebuild neither forgets one nor announces one twice.
 */
@Component
class SunsetDeadlines {

    private static final List<Integer> DAYS_BEFORE = List.of(7, 1);

    /** A contract major's sunset to be announced at {@code fireAt}, {@code daysLeft} before it (0: it has passed). */
    record Deadline(String id, String productId, int contractMajor, Instant sunsetAt, int daysLeft, Instant fireAt) {

        NotificationKind kind() {
            return daysLeft == 0 ? NotificationKind.PAST_SUNSET : NotificationKind.SUNSET_APPROACHING;
        }
    }

    private final MongoCollection<Document> deadlines;

    SunsetDeadlines(MongoClient mongo, StoreProperties store) {
        this.deadlines = mongo.getDatabase(store.database()).getCollection("notification_deadlines");
    }

    /**
     * Sets the announcements of a major's sunset, announced at {@code announcedAt}: a reminder already past when it
     * was announced is left out, and a sunset moved replaces the reminders of the old one not yet sent.
     */
    void schedule(String productId, int major, Instant sunsetAt, Instant announcedAt) {
        deadlines.deleteMany(Filters.and(
                Filters.eq("productId", productId),
                Filters.eq("contractMajor", major),
                Filters.eq("firedAt", null),
                Filters.ne("sunsetAt", Date.from(sunsetAt))));
        for (int days : DAYS_BEFORE) {
            Instant fireAt = sunsetAt.minus(Duration.ofDays(days));
            if (fireAt.isAfter(announcedAt)) {
                keep(new Deadline(id(productId, major, sunsetAt, days), productId, major, sunsetAt, days, fireAt));
            }
        }
        keep(new Deadline(id(productId, major, sunsetAt, 0), productId, major, sunsetAt, 0, sunsetAt));
    }

    /** Deadlines reached and not announced yet, soonest first. */
    List<Deadline> due(Instant now) {
        List<Deadline> due = new ArrayList<>();
        deadlines
                .find(Filters.and(Filters.eq("firedAt", null), Filters.lte("fireAt", Date.from(now))))
                .forEach(found -> due.add(new Deadline(
                        found.getString("_id"),
                        found.getString("productId"),
                        found.getInteger("contractMajor"),
                        found.getDate("sunsetAt").toInstant(),
                        found.getInteger("daysLeft"),
                        found.getDate("fireAt").toInstant())));
        due.sort(Comparator.comparing(Deadline::fireAt));
        return due;
    }

    void announced(String id, Instant at) {
        deadlines.updateOne(Filters.eq("_id", id), Updates.set("firedAt", Date.from(at)));
    }

    private void keep(Deadline deadline) {
        deadlines.updateOne(
                Filters.eq("_id", deadline.id()),
                Updates.combine(
                        Updates.setOnInsert("productId", deadline.productId()),
                        Updates.setOnInsert("contractMajor", deadline.contractMajor()),
                        Updates.setOnInsert("sunsetAt", Date.from(deadline.sunsetAt())),
                        Updates.setOnInsert("daysLeft", deadline.daysLeft()),
                        Updates.setOnInsert("fireAt", Date.from(deadline.fireAt())),
                        Updates.setOnInsert("firedAt", null)),
                new UpdateOptions().upsert(true));
    }

    private static String id(String productId, int major, Instant sunsetAt, int daysLeft) {
        return "sunset|%s|%d|%s|%d".formatted(productId, major, sunsetAt, daysLeft);
    }
}
