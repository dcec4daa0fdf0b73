package org.meshledger.api.command;

/** The answer to a product command: the product's event sequence number after it. */
public record Recorded(String productId, long version) {}
