package org.meshledger.query.ownershiphistory;

import jakarta.validation.constraints.Pattern;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.NotFound;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Ownership that governance should look at: products owned by a team of another domain (after a transfer or a team
 * move), and products whose owner team was retired. Judged when read, from each product's current owner and each
 * team's current domain, so it never depends on the order the views read the two kinds of events in.
 */
@RestController
class OwnershipExceptionsController {

    private final MongoTemplate mongo;

    OwnershipExceptionsController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/ownership/outside-domain")
    Mono<Page<OwnedProduct>> outsideDomain(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        return Blocking.call(() -> paged(
                ownedBy(team -> !team.retired(), owned -> !owned.ownerTeamDomain()
                        .equals(owned.domain())),
                paging));
    }

    @GetMapping("/api/ownership/orphaned")
    Mono<Page<OwnedProduct>> orphaned(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        return Blocking.call(() -> paged(ownedBy(TeamRecord::retired, owned -> true), paging));
    }

    @GetMapping("/api/teams")
    Mono<Page<TeamRecord>> teams(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        return Blocking.call(() -> paged(
                mongo.findAll(TeamRecord.class).stream()
                        .sorted(Comparator.comparing(TeamRecord::team))
                        .toList(),
                paging));
    }

    @GetMapping("/api/teams/{team}")
    Mono<TeamRecord> team(@PathVariable @Pattern(regexp = Ids.ID) String team) {
        return Blocking.call(() -> mongo.findById(team, TeamRecord.class))
                .switchIfEmpty(
                        Mono.error(() -> new NotFound("TEAM_NOT_FOUND", "No registered team '%s'".formatted(team))));
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

    private static <T> Page<T> paged(List<T> all, PageRequest paging) {
        List<T> items = all.stream().skip(paging.offset()).limit(paging.size()).toList();
        return new Page<>(items, paging.page(), paging.size(), all.size());
    }

    record OwnedProduct(String productId, String domain, String ownerTeam, String ownerTeamDomain) {}
}
