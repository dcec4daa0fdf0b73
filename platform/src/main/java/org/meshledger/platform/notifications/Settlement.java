package org.meshledger.platform.notifications;

import java.time.Instant;

/**
 * What became of one attempt to send a notification: it is {@code settledAs} DELIVERED or DEAD, or stays PENDING to be
 * tried again at {@code nextAttemptAt}. {@code outcome} is the attempt's outcome as a product's page lists it.
 */
public record Settlement(
        QueuedDelivery item, DeliveryAttempt attempt, String outcome, DeliveryStatus settledAs, Instant nextAttemptAt) {

    public static Settlement settled(QueuedDelivery item, DeliveryAttempt attempt, String outcome, DeliveryStatus as) {
        return new Settlement(item, attempt, outcome, as, null);
    }

    public static Settlement retried(QueuedDelivery item, DeliveryAttempt attempt, String outcome, Instant next) {
        return new Settlement(item, attempt, outcome, DeliveryStatus.PENDING, next);
    }

    boolean stillPending() {
        return settledAs == DeliveryStatus.PENDING;
    }
}
