package org.meshledger.platform.audit;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key checkpoint exports are signed with. Production configures it ({@code meshledger.audit.signing-key} and
 * {@code meshledger.audit.public-key}, base64 PKCS#8 and X.509); without one, a key is generated once and kept in the
 * store, which is fine for evaluation but lets whoever can write the store sign too.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String COLLECTION = "audit_signing_key";

    private SigningKeys() {}

    static KeyPair configuredOrStored(String privateKey, String publicKey, MongoDatabase database) {
        try {
            if (privateKey != null && !privateKey.isBlank() && publicKey != null && !publicKey.isBlank()) {
                return decode(privateKey, publicKey);
            }
            log.warn("No meshledger.audit.signing-key configured: checkpoint exports are signed with a key kept in "
                    + "the store; configure a key held elsewhere for production");
            return stored(database.getCollection(COLLECTION));
        } catch (GeneralSecurityException | IllegalArgumentException unusable) {
            throw new IllegalStateException("The checkpoint signing key cannot be read", unusable);
        }
    }

    private static KeyPair stored(MongoCollection<Document> keys) throws GeneralSecurityException {
        Document found = keys.find(Filters.eq("_id", "checkpoints")).first();
        if (found == null) {
            KeyPair generated =
                    KeyPairGenerator.getInstance(CheckpointSigner.ALGORITHM).generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            try {
                keys.insertOne(new Document("_id", "checkpoints")
                        .append(
                                "private",
                                base64.encodeToString(generated.getPrivate().getEncoded()))
                        .append(
                                "public",
                                base64.encodeToString(generated.getPublic().getEncoded())));
            } catch (MongoWriteException anotherReplicaWasFirst) {
                // every replica signs with the key stored first
            }
            found = keys.find(Filters.eq("_id", "checkpoints")).first();
        }
        return decode(found.getString("private"), found.getString("public"));
    }

    private static KeyPair decode(String privateKey, String publicKey) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance(CheckpointSigner.ALGORITHM);
        Base64.Decoder base64 = Base64.getDecoder();
        return new KeyPair(
                factory.generatePublic(new X509EncodedKeySpec(base64.decode(publicKey.trim()))),
                factory.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(privateKey.trim()))));
    }
}
