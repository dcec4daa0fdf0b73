package org.meshledger.command.team;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One product's current owner as far as the index has read; {@code version} is the product event it came from. */
@Document("product_owners")
record ProductOwner(@Id String productId, @Indexed String ownerTeam, boolean retired, long version) {}
