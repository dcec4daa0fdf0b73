package org.meshledger.query.ownershiphistory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A registered team: the domain it belongs to now, and whether it was retired. */
@Document("team_records")
record TeamRecord(@Id String team, String domain, boolean retired, long version) {}
