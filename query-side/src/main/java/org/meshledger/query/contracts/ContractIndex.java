package org.meshledger.query.contracts;

import java.util.List;
import org.meshledger.query.support.ViewIndexes;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A product's contract versions in publication order, so listing them is a lookup by id. */
@Document("contract_indexes")
@CompoundIndex(name = "conditional_update", def = ViewIndexes.VERSIONED, unique = true)
record ContractIndex(@Id String productId, List<String> versions, long version) {}
