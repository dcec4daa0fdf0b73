package org.meshledger.api.event;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ConsumerRemoved(String productId, String consumerTeam, int contractMajor) {}
