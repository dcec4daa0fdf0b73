package org.meshledger.query.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.meshledger.platform.notifications.QueuedDelivery;

/**
 * What this process knows to be queued in the outbox, so a sender's pass need not read the whole queue: what this
 * process's notifications processor writes is handed over as it is written, and the queue is read whole now and then
 * for what others wrote. It is a hint, never the truth: a notification is sent only once claimed in the outbox.
 */
final class PendingNotifications {

    private final Map<String, QueuedDelivery> pending = new ConcurrentHashMap<>();
    private final Map<String, QueuedDelivery> handedOverDuringScan = new ConcurrentHashMap<>();
    private volatile boolean scanning;

    void handOver(Collection<QueuedDelivery> written) {
        for (QueuedDelivery item : written) {
            pending.put(item.deliveryId(), item);
            if (scanning) {
                handedOverDuringScan.put(item.deliveryId(), item);
            }
        }
    }

    void scanStarted() {
        handedOverDuringScan.clear();
        scanning = true;
    }

    /** The queue as read whole, and whatever was handed over while it was being read. */
    void scanned(List<QueuedDelivery> queued) {
        scanning = false;
        pending.clear();
        queued.forEach(item -> pending.put(item.deliveryId(), item));
        pending.putAll(handedOverDuringScan);
        handedOverDuringScan.clear();
    }

    void settled(String deliveryId) {
        pending.remove(deliveryId);
    }

    /** Tried and failed: due again at {@code next}, one try more. */
    void retried(QueuedDelivery item, Instant next) {
        pending.computeIfPresent(item.deliveryId(), (id, known) -> changed(known, next, null, known.tries() + 1));
    }

    /** Another sender holds it until {@code until}: not worth claiming before then (a rescan tells otherwise). */
    void heldElsewhere(QueuedDelivery item, Instant until) {
        pending.computeIfPresent(
                item.deliveryId(), (id, known) -> changed(known, known.nextAttemptAt(), until, known.tries()));
    }

    private static QueuedDelivery changed(
            QueuedDelivery known, Instant nextAttemptAt, Instant claimedUntil, int tries) {
        return new QueuedDelivery(
                known.deliveryId(),
                known.subscriptionId(),
                known.subject(),
                known.type(),
                known.order(),
                nextAttemptAt,
                claimedUntil,
                tries);
    }

    /** Everything known to be queued, in the order it was written. */
    List<QueuedDelivery> inOrder() {
        List<QueuedDelivery> items = new ArrayList<>(pending.values());
        items.sort(Comparator.comparingLong(QueuedDelivery::order));
        return items;
    }
}
