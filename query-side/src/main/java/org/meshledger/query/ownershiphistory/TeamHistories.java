package org.meshledger.query.ownershiphistory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** What a team owned over a time, product by product: the JSON route and the console's team page read it here. */
@Service
public class TeamHistories {

    private final MongoTemplate mongo;

    TeamHistories(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The products {@code team} owned at some point in [from, to), by product id, each with the team's periods. */
    public List<TeamProductHistory> ownedBy(String team, Instant from, Instant to) {
        return TeamProducts.recordsEverOwnedBy(mongo, team).stream()
                .map(record -> new TeamProductHistory(
                        record.productId(),
                        record.domain(),
                        OwnershipTimeline.periods(record, null).stream()
                                .filter(period -> period.ownerTeam().equals(team) && period.overlaps(from, to))
                                .toList()))
                .filter(history -> !history.periods().isEmpty())
                .sorted(Comparator.comparing(TeamProductHistory::productId))
                .toList();
    }

    public record TeamProductHistory(String productId, String domain, List<OwnershipPeriod> periods) {}
}
