package org.meshledger.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ContractVersionDeprecated(String productId, String contractVersion, Instant sunsetAt, String reason) {}
