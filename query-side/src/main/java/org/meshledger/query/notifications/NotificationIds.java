package org.meshledger.query.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A notification's id: derived from what it tells of and whom, never drawn at random, so that reading the log again,
 * redelivering or replaying sends the same id and a receiver can tell a repeat from news.
 */
final class NotificationIds {

    private NotificationIds() {}

    static String of(String eventId, String subscriptionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((eventId + "|" + subscriptionId).getBytes(StandardCharsets.UTF_8));
            return "ntf_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
    }
}
