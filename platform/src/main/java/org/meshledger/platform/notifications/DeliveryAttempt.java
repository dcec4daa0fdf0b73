package org.meshledger.platform.notifications;

import java.time.Instant;

/**
 * One try at sending a notification: when, what the receiver answered ({@code statusCode} null where no answer
 * came), how long it took, and what went wrong (null when it was received).
 */
public record DeliveryAttempt(Instant at, Integer statusCode, long latencyMs, String error) {}
