package org.meshledger.platform.eventstore;

import java.time.Instant;

/** One event exactly as stored, with its link in its aggregate's hash chain: what auditors read and verify. */
public record StoredEvent(
        long globalIndex,
        String aggregateId,
        long sequence,
        String type,
        Instant timestamp,
        String eventId,
        String payloadJson,
        String metadataJson,
        String hash,
        String previousHash) {

    /** The hash this event should carry when it follows {@code previousHash}. */
    public String expectedHash(String previousHash) {
        return ChainHash.of(previousHash, type, sequence, timestamp, payloadJson, metadataJson);
    }
}
