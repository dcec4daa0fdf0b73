package org.meshledger.platform.audit;

/** An aggregate's head as a checkpoint recorded it: the last sequence then stored, and that event's hash. */
public record CheckpointHead(String aggregateId, long sequence, String hash, long checkpoint) {}
