package org.meshledger.query.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the views' processors read it. A pooled processor whose stream cannot call back when events
 * arrive looks again only every 500 ms, and the store's streams cannot: events written by another process would
 * reach the views half a second late. These streams nudge their processor every {@code nudge}; the processor then
 * checks its stream, which the store keeps filled (see {@code meshledger.store.fetch-delay}), and goes back to sleep
 * if nothing came.
 */
public final class ViewEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final EventStore eventStore;
    private final Duration nudge;
    private final ScheduledExecutorService nudges = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "view-event-source-nudges");
        thread.setDaemon(true);
        return thread;
    });

    public ViewEventSource(EventStore eventStore, Duration nudge) {
        this.eventStore = eventStore;
        this.nudge = nudge;
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
            if (nudging != null) {
                nudging.cancel(false);
            }
            long period = nudge.toMillis();
            nudging = nudges.scheduleWithFixedDelay(callback, period, period, TimeUnit.MILLISECONDS);
            return true;
        }

        @Override
        public void close() {
            if (nudging != null) {
                nudging.cancel(false);
            }
            delegate.close();
        }
    }
}
