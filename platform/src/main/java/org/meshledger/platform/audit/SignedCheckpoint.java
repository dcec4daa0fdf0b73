package org.meshledger.platform.audit;

import java.util.List;

/**
 * A checkpoint as exported for auditors. {@code signature.value} is Ed25519 over the JCS (RFC 8785) form of this
 * object without its {@code signature}; {@code signature.publicKey} is the X.509 (SubjectPublicKeyInfo) key, base64.
 */
public record SignedCheckpoint(long checkpoint, String takenAt, String digest, List<Head> heads, Signature signature) {

    public record Head(String aggregateId, long sequence, String hash) {}

    public record Signature(String algorithm, String publicKey, String value) {}
}
