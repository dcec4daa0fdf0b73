package org.meshledger.platform.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The tamper-evident link of one event to its aggregate's previous one. docs/audit.md ("Verifying the audit trail") states
 * the same algorithm for auditors who re-implement it:
 *
 * <pre>
 * hash = lowercase hex of SHA-256 over the UTF-8 bytes of
 *        previousHash \n type \n sequence \n timestamp \n JCS(payload) \n JCS(metadata)
 * </pre>
 *
 * where the first event's {@code previousHash} is 64 zeros, {@code type} the event's simple type name, {@code
 * timestamp} ISO-8601 UTC with exactly nine fraction digits, and JCS the JSON Canonicalization Scheme (RFC 8785).
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter NANOSECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {}

    public static String of(
            String previousHash,
            String type,
            long sequence,
            Instant timestamp,
            String payloadJson,
            String metadataJson) {
        String linked = String.join(
                "\n",
                previousHash,
                type,
                Long.toString(sequence),
                NANOSECONDS.format(timestamp),
                canonical(payloadJson),
                canonical(metadataJson));
        return HexFormat.of().formatHex(sha256().digest(linked.getBytes(StandardCharsets.UTF_8)));
    }

    /** The simple name of a stored payload type: what the audit stream calls an event's {@code type}. */
    public static String typeName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    static String canonical(String json) {
        try {
            return new JsonCanonicalizer(json == null ? "null" : json).getEncodedString();
        } catch (java.io.IOException unreadable) {
            throw new IllegalArgumentException("Not JSON: cannot link it into the chain", unreadable);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every Java runtime has SHA-256", missing);
        }
    }
}
