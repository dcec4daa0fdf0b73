package org.meshledger.query.ownershiphistory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Ownership that governance should look at: products owned by a team of another domain (after a transfer or a team
 * move), and products whose owner team was retired. Judged when read, from each product's current owner and each
 * team's current domain, so it never depends on the order the views read the two kinds of events in.
 */
@Service
public class OwnershipExceptions {

    private final MongoTemplate mongo;
    private final KeptOwnershipRecords kept;

    OwnershipExceptions(MongoTemplate mongo, KeptOwnershipRecords kept) {
        this.mongo = mongo;
        this.kept = kept;
    }

    /** Products whose current owner is an active team of another domain, by product id. */
    public List<OwnedProduct> outsideDomain() {
        return ownedBy(
                team -> !team.retired(), owned -> !owned.ownerTeamDomain().equals(owned.domain()));
    }

    /** Products whose current owner team was retired, by product id. */
    public List<OwnedProduct> orphaned() {
        return ownedBy(TeamRecord::retired, owned -> true);
    }

    /**
     * Products each matching team owns now: from the records kept in memory, else a lookup per team, never a scan of
     * the products.
     */
    private List<OwnedProduct> ownedBy(Predicate<TeamRecord> teams, Predicate<OwnedProduct> keep) {
        List<TeamRecord> matching =
                mongo.findAll(TeamRecord.class).stream().filter(teams).toList();
        Stream<OwnedProduct> owned = kept.all()
                .map(records -> ownedBy(matching, records))
                .orElseGet(() -> matching.stream().flatMap(team -> currentlyOwned(team).stream()));
        return owned.filter(keep)
                .sorted(Comparator.comparing(OwnedProduct::productId))
                .toList();
    }

    private static Stream<OwnedProduct> ownedBy(List<TeamRecord> teams, List<OwnershipRecord> records) {
        Map<String, TeamRecord> byName =
                teams.stream().collect(Collectors.toMap(TeamRecord::team, Function.identity()));
        return records.stream()
                .filter(record -> byName.containsKey(currentOwner(record)))
                .map(record -> {
                    TeamRecord team = byName.get(currentOwner(record));
                    return new OwnedProduct(record.productId(), record.domain(), team.team(), team.domain());
                });
    }

    private List<OwnedProduct> currentlyOwned(TeamRecord team) {
        return TeamProducts.recordsEverOwnedBy(mongo, team.team()).stream()
                .filter(record -> currentOwner(record).equals(team.team()))
                .map(record -> new OwnedProduct(record.productId(), record.domain(), team.team(), team.domain()))
                .toList();
    }

    private static String currentOwner(OwnershipRecord record) {
        return record.changes().get(record.changes().size() - 1).ownerTeam();
    }

    public record OwnedProduct(String productId, String domain, String ownerTeam, String ownerTeamDomain) {}
}
