package org.meshledger.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Hands out global indexes before events are inserted. Each process counts locally, so allocating costs no round
 * trip; the unique index on the event log settles any collision between processes (the loser learns the index is
 * taken and moves past it). A shared high-water mark, published every few allocations and on every collision, lets
 * a process start, or catch up after a collision, near the head instead of walking there.
 *
 * <p>Why not a counter incremented with findAndModify for every commit: the embedded store does not make that
 * atomic (two writers can be handed the same value while the counter moves on twice), which leaves indexes nobody
 * was given; the unique index is the one guarantee both stores keep.
 */
final class GlobalSequence {

    private static final String COUNTER = "events";
    private static final String NEXT = "next";
    private static final int PUBLISH_EVERY = 64;

    private final MongoCollection<Document> counters;
    private final AtomicLong next;
    private final AtomicLong sincePublished = new AtomicLong();

    GlobalSequence(MongoCollection<Document> counters) {
        this.counters = counters;
        this.next = new AtomicLong(shared());
    }

    /** The first of {@code count} consecutive indexes for one commit. */
    long allocate(int count) {
        long first = next.getAndAdd(count);
        if (sincePublished.addAndGet(count) >= PUBLISH_EVERY) {
            sincePublished.set(0);
            publish(first + count);
        }
        return first;
    }

    /**
     * Another writer holds {@code index}: move this process's count past everything stored near it (the next 64
     * indexes, then ever further apart) and past everything published, so a process that was behind catches up in
     * one step instead of colliding its way forward.
     */
    void taken(long index, MongoCollection<Document> events) {
        List<Long> probes = new ArrayList<>();
        for (long step = 1; step <= PUBLISH_EVERY; step++) {
            probes.add(index + step);
        }
        for (long step = PUBLISH_EVERY * 2L; step <= 1L << 40; step *= 2) {
            probes.add(index + step);
        }
        long highest = index;
        for (Document stored : events.find(Filters.in("_id", probes)).projection(new Document("_id", 1))) {
            highest = Math.max(highest, ((Number) stored.get("_id")).longValue());
        }
        long candidate = Math.max(highest + 1, shared());
        next.accumulateAndGet(candidate, Math::max);
        publish(next.get());
    }

    /**
     * One past the highest index any process has published as allocated: at most a few commits behind the true
     * head, so readers use it only to know whether to read on past indexes that hold nothing.
     */
    long next() {
        return Math.max(shared(), next.get());
    }

    /** Moves the count past indexes taken by other means (a migration copying events in). */
    void advancePast(long index) {
        publish(index + 1);
        next.accumulateAndGet(index + 1, Math::max);
    }

    private void publish(long nextIndex) {
        counters.updateOne(Filters.eq("_id", COUNTER), Updates.max(NEXT, nextIndex), new UpdateOptions().upsert(true));
    }

    private long shared() {
        Document counter = counters.find(Filters.eq("_id", COUNTER)).first();
        return counter == null ? 0 : counter.get(NEXT, Number.class).longValue();
    }
}
