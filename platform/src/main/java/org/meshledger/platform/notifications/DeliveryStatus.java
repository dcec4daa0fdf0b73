package org.meshledger.platform.notifications;

/** Where a notification stands: still to be sent (or retried), received by its subscriber, or given up on. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    DEAD
}
