package org.meshledger.api.command;

import org.meshledger.api.model.SloChange;

public record SloRecorded(String productId, long version, SloChange change) {}
