package org.meshledger.query.ownershiphistory;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
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

    OwnershipExceptions(MongoTemplate mongo) {
        this.mongo = mongo;
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

    /** Products each matching team owns now: a lookup per team, never a scan of the products. */
    private List<OwnedProduct> ownedBy(Predicate<TeamRecord> teams, Predicate<OwnedProduct> keep) {
        return mongo.findAll(TeamRecord.class).stream()
                .filter(teams)
                .flatMap(team -> currentlyOwned(team).stream())
                .filter(keep)
                .sorted(Comparator.comparing(OwnedProduct::productId))
                .toList();
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
