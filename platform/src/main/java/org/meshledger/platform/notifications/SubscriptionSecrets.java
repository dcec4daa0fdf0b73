package org.meshledger.platform.notifications;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The secrets deliveries are signed with, kept apart from the events and encrypted (AES-256-GCM, the key id bound in
 * as associated data, so a ciphertext moved to another id does not open). A secret leaves here twice only: once to
 * the subscriber when issued, and to the sender when it signs.
 */
public final class SubscriptionSecrets {

    /** Standard Webhooks' prefix for a symmetric secret, before its base64 key. */
    public static final String PREFIX = "whsec_";

    static final String COLLECTION = "subscription_secrets";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MongoCollection<Document> secrets;
    private final SecretKey encryption;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SubscriptionSecrets(MongoCollection<Document> secrets, SecretKey encryption, Clock clock) {
        this.secrets = secrets;
        this.encryption = encryption;
        this.clock = clock;
    }

    /** A new secret for {@code subscriptionId}: its key id (what events name) and the secret, to show once. */
    public record Issued(String keyId, String secret) {}

    public Issued issue(String subscriptionId) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        byte[] id = new byte[8];
        random.nextBytes(id);
        String keyId = "key_" + HexFormat.of().formatHex(id);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        secrets.insertOne(new Document("_id", keyId)
                .append("subscriptionId", subscriptionId)
                .append("nonce", new Binary(nonce))
                .append("ciphertext", new Binary(crypt(Cipher.ENCRYPT_MODE, keyId, nonce, key)))
                .append("createdAt", clock.instant().toString()));
        return new Issued(keyId, PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The raw key a delivery is signed with; empty when no secret has this id. */
    public Optional<byte[]> key(String keyId) {
        Document found = secrets.find(Filters.eq("_id", keyId)).first();
        if (found == null) {
            return Optional.empty();
        }
        byte[] nonce = found.get("nonce", Binary.class).getData();
        byte[] ciphertext = found.get("ciphertext", Binary.class).getData();
        return Optional.of(crypt(Cipher.DECRYPT_MODE, keyId, nonce, ciphertext));
    }

    /** Drops a secret no subscription names: one issued for a command that was then refused. */
    public void forget(String keyId) {
        secrets.deleteOne(Filters.eq("_id", keyId));
    }

    private byte[] crypt(int mode, String keyId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, encryption, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException unusable) {
            throw new IllegalStateException(
                    "A subscription secret cannot be "
                            + (mode == Cipher.ENCRYPT_MODE
                                    ? "encrypted"
                                    : "decrypted: the configured meshledger.notifications.secret-key is not the one it was stored with"),
                    unusable);
        }
    }
}
