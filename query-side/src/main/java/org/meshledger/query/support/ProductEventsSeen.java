package org.meshledger.query.support;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.meshledger.api.event.SliObserved;

/**
 * The last event of each product this process has seen, from the event log's tail or its own views' processors: a
 * product document read before that event cannot hold it. {@link ViewCache} serves nothing while the tail is not
 * being followed, since a change stored by another replica would then go unnoticed. It holds one number per product
 * changed since the process started: about 10 MB for a hundred thousand products. Its observation streams are
 * followed too, for the views that count observations ({@link KeptMesh}).
 */
public final class ProductEventsSeen {

    private static final String OBSERVATION_SUFFIX = SliObserved.streamOf("");

    private final ConcurrentHashMap<String, Long> lastSequence = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> lastObservation = new ConcurrentHashMap<>();
    /** Moves on every event seen: a reader that saw the same count saw no change in between. */
    private final AtomicLong changes = new AtomicLong();

    private final List<Runnable> whenLost = new CopyOnWriteArrayList<>();
    private volatile boolean following;
    private volatile boolean settled;

    /** Runs {@code forget} whenever the tail stops being followed: what was read before may be outdated by then. */
    void whenLost(Runnable forget) {
        whenLost.add(forget);
    }

    public void saw(EventMessage<?> message) {
        if (ProductEvents.isOnProductStream(message)) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) message;
            lastSequence.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max);
            changes.incrementAndGet();
        } else if (message instanceof DomainEventMessage<?> event && isObservationStream(event)) {
            // read from the stream's id (SliObserved.streamOf), not the payload: deserialising every observation
            // here would cost each view's processor that skips them
            String stream = event.getAggregateIdentifier();
            String productId = stream.substring(0, stream.length() - OBSERVATION_SUFFIX.length());
            lastObservation.merge(productId, event.getSequenceNumber(), Math::max);
            changes.incrementAndGet();
        }
    }

    private static boolean isObservationStream(DomainEventMessage<?> event) {
        return SliObserved.STREAM_TYPE.equals(event.getType())
                && event.getAggregateIdentifier().endsWith(OBSERVATION_SUFFIX);
    }

    /** How many product and observation events have been seen: unchanged, nothing was seen in between. */
    public long changes() {
        return changes.get();
    }

    /** The last event seen on the product's own stream, or -1. */
    public long lastProductEvent(String productId) {
        return lastSequence.getOrDefault(productId, -1L);
    }

    /** The last event seen on the product's observation stream, or -1. */
    public long lastObservation(String productId) {
        return lastObservation.getOrDefault(productId, -1L);
    }

    /** Every product with an event seen on either of its streams. */
    public Set<String> productsSeen() {
        Set<String> products = new HashSet<>(lastSequence.keySet());
        products.addAll(lastObservation.keySet());
        return products;
    }

    /** Whether a document of the product at {@code version} holds every event of it seen so far. */
    public boolean isCurrent(String productId, long version) {
        Long last = lastSequence.get(productId);
        return following && (last == null || version >= last);
    }

    /**
     * Whether every event stored before the tail was first followed is in the kept views: a document read after that
     * holds every event the tail has not reported, so the maximum age need not bound it.
     */
    public boolean settled() {
        return settled;
    }

    /** The kept views have read past the position the tail was first followed from; that stays true. */
    public void settle() {
        settled = true;
    }

    public boolean following() {
        return following;
    }

    public void following(boolean following) {
        boolean lost = this.following && !following;
        this.following = following;
        if (lost) {
            whenLost.forEach(Runnable::run);
        }
    }
}
