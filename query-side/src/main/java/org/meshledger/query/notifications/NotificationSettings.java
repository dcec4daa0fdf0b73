package org.meshledger.query.notifications;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications are sent ({@code meshledger.notifications.delivery.*}): the time a receiver has to answer, the
 * waits between attempts (after the last, a notification is dead), a sender's lease on what it has in flight, how
 * often the sender looks again when nothing wakes it, how often it reads the whole outbox (for what another process
 * queued: a redelivery, a replay, another replica's notifications), and how much is in flight at once.
 */
@ConfigurationProperties("meshledger.notifications.delivery")
record NotificationSettings(
        @DefaultValue("10s") Duration timeout,
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("200ms") Duration poll,
        @DefaultValue("2s") Duration rescan,
        @DefaultValue("256") int mostInFlight,
        @DefaultValue("8") int mostInFlightPerSubscription) {

    NotificationSettings {
        retrySchedule = List.copyOf(retrySchedule);
        if (lease.compareTo(timeout) <= 0) {
            throw new IllegalArgumentException(
                    "meshledger.notifications.delivery.lease (%s) must be longer than its timeout (%s): a notification still in flight would be sent twice"
                            .formatted(lease, timeout));
        }
    }
}
