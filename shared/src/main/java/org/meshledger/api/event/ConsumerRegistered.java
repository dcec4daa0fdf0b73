package org.meshledger.api.event;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ConsumerRegistered(String productId, String consumerTeam, int contractMajor) {}
