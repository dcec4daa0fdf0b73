package org.meshledger.query.ownershiphistory;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Every product a team has ever owned, so a team's history is a lookup by id, never a scan. */
@Document("team_products")
record TeamProducts(@Id String team, List<String> productIds) {}
