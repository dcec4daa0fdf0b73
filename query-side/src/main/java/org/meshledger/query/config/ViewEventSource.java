package org.meshledger.query.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.meshledger.platform.eventstore.LedgerEventStorageEngine;

/**
 * The event store as the views' processors read it. A pooled processor whose stream cannot call back when events
 * arrive looks again only every 500 ms, and the store's streams cannot: events written by another process would
 * reach the views half a second late. These streams call back whenever the event log's reader has found events (a
 * moment later, once the store has taken them in, and again after {@code nudge} in case the first was too early),
 * and every {@link #IDLE_NUDGE} regardless.
 */
public final class ViewEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final EventStore eventStore;
    private final Duration nudge;
    private final ScheduledExecutorService nudges = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "view-event-source-nudges");
        thread.setDaemon(true);
        return thread;
    });

    private static final Duration IDLE_NUDGE = Duration.ofMillis(250);
    private static final long FIRST_NUDGE_MS = 2;

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();

    public ViewEventSource(EventStore eventStore, EventStorageEngine engine, Duration nudge) {
        this.eventStore = eventStore;
        this.nudge = nudge;
        if (engine instanceof LedgerEventStorageEngine ledger) {
            ledger.whenEventsRead(this::eventsRead);
        }
    }

    private void eventsRead() {
        if (!callbacks.isEmpty()) {
            nudges.schedule(this::nudgeAll, FIRST_NUDGE_MS, TimeUnit.MILLISECONDS);
            nudges.schedule(this::nudgeAll, nudge.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void nudgeAll() {
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NudgingStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public void close() {
        nudges.shutdownNow();
    }

    private final class NudgingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile ScheduledFuture<?> nudging;
        private volatile Runnable callback;

        private NudgingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            forget();
            this.callback = callback;
            callbacks.add(callback);
            long period = IDLE_NUDGE.toMillis();
            nudging = nudges.scheduleWithFixedDelay(callback, period, period, TimeUnit.MILLISECONDS);
            return true;
        }

        @Override
        public void close() {
            forget();
            delegate.close();
        }

        private void forget() {
            if (nudging != null) {
                nudging.cancel(false);
            }
            if (callback != null) {
                callbacks.remove(callback);
            }
        }
    }
}
