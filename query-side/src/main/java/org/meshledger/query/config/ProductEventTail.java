package org.meshledger.query.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.meshledger.query.support.ProductEventsSeen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the event log from its head and tells {@link ProductEventsSeen} of every product event, whichever replica
 * projects it: the views' processors of this process may hold none of a view's segments. Tells it too once the kept
 * views have read past the head it started from: every event before it is in them by then.
 */
final class ProductEventTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProductEventTail.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final EventStore eventStore;
    private final ProductEventsSeen seen;
    private final Predicate<TrackingToken> keptViewsCover;
    private volatile Thread follower;

    ProductEventTail(EventStore eventStore, ProductEventsSeen seen, Predicate<TrackingToken> keptViewsCover) {
        this.eventStore = eventStore;
        this.seen = seen;
        this.keptViewsCover = keptViewsCover;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::follow, "product-event-tail");
        thread.setDaemon(true);
        follower = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = follower;
        follower = null;
        seen.following(false);
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return follower != null;
    }

    private void follow() {
        TrackingToken position = null;
        TrackingToken firstFollowedFrom = null;
        while (follower == Thread.currentThread()) {
            try {
                if (position == null) {
                    position = eventStore.createHeadToken();
                    firstFollowedFrom = position;
                }
                try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(position)) {
                    seen.following(true);
                    while (follower == Thread.currentThread()) {
                        if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                            TrackedEventMessage<?> event = stream.nextAvailable();
                            seen.saw(event);
                            position = event.trackingToken();
                        }
                        if (!seen.settled() && keptViewsCover.test(firstFollowedFrom)) {
                            seen.settle();
                            log.info("The kept views hold every event stored before the log was followed: product"
                                    + " reads kept from now on last until an event of their product is seen");
                        }
                    }
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                // documents read until now may miss a change stored meanwhile: none is answered until followed again
                seen.following(false);
                log.warn("Lost the event log's tail; reads go to the store until it is followed again", failure);
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
