package org.meshledger.query.ownershiphistory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
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
                .map(record -> history(record, team, from, to))
                .filter(history -> !history.periods().isEmpty())
                .sorted(Comparator.comparing(TeamProductHistory::productId))
                .toList();
    }

    /**
     * One page of the products {@code team} ever owned, by product id, each with all the team's periods: only the
     * page's products are read, however many the team has owned.
     */
    public Page<TeamProductHistory> ownedBy(String team, PageRequest paging) {
        List<String> ids =
                TeamProducts.everOwnedBy(mongo, team).stream().sorted().toList();
        List<String> onPage = ids.stream()
                .skip((long) paging.page() * paging.size())
                .limit(paging.size())
                .toList();
        List<TeamProductHistory> items = TeamProducts.records(mongo, onPage).stream()
                .map(record -> history(record, team, null, null))
                .toList();
        return new Page<>(items, paging.page(), paging.size(), ids.size());
    }

    private static TeamProductHistory history(OwnershipRecord record, String team, Instant from, Instant to) {
        return new TeamProductHistory(
                record.productId(),
                record.domain(),
                OwnershipTimeline.periods(record, null).stream()
                        .filter(period -> period.ownerTeam().equals(team) && period.overlaps(from, to))
                        .toList());
    }

    public record TeamProductHistory(String productId, String domain, List<OwnershipPeriod> periods) {}
}
