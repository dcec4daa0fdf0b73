package org.meshledger.platform.notifications;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES key subscription secrets are encrypted with. Production configures it ({@code
 * meshledger.notifications.secret-key}, base64 of 32 bytes); without one, a key is generated once and kept in the
 * store, fine for evaluation, but whoever reads the store can then read the secrets too.
 */
final class SecretEncryptionKey {

    private static final Logger log = LoggerFactory.getLogger(SecretEncryptionKey.class);
    private static final String STORED_ID = "subscription-secrets";
    private static final int KEY_BYTES = 32;

    private SecretEncryptionKey() {}

    static SecretKey configuredOrStored(String configured, MongoCollection<Document> keys) {
        if (configured != null && !configured.isBlank()) {
            return of(configured.strip(), "meshledger.notifications.secret-key");
        }
        log.warn("No meshledger.notifications.secret-key configured: subscription secrets are encrypted with a key "
                + "kept in the store; configure a key held elsewhere for production");
        Document found = keys.find(Filters.eq("_id", STORED_ID)).first();
        if (found == null) {
            byte[] generated = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(generated);
            try {
                keys.insertOne(new Document("_id", STORED_ID)
                        .append("key", Base64.getEncoder().encodeToString(generated)));
            } catch (MongoWriteException anotherReplicaWasFirst) {
                // every replica encrypts with the key stored first
            }
            found = keys.find(Filters.eq("_id", STORED_ID)).first();
        }
        return of(found.getString("key"), "the stored subscription secret key");
    }

    private static SecretKey of(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(source + " is not base64", notBase64);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " must be 32 bytes (AES-256), not " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}
