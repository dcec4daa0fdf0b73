package org.meshledger.query.ownershiphistory;

import jakarta.validation.constraints.Pattern;
import java.util.Comparator;
import java.util.List;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.ownershiphistory.OwnershipExceptions.OwnedProduct;
import org.meshledger.query.support.NotFound;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The ownership exceptions as JSON pages, and the registered teams. */
@RestController
class OwnershipExceptionsController {

    private final MongoTemplate mongo;
    private final OwnershipExceptions exceptions;

    OwnershipExceptionsController(MongoTemplate mongo, OwnershipExceptions exceptions) {
        this.mongo = mongo;
        this.exceptions = exceptions;
    }

    @GetMapping("/api/ownership/outside-domain")
    Mono<Page<OwnedProduct>> outsideDomain(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        return Blocking.call(() -> paged(exceptions.outsideDomain(), paging));
    }

    @GetMapping("/api/ownership/orphaned")
    Mono<Page<OwnedProduct>> orphaned(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        return Blocking.call(() -> paged(exceptions.orphaned(), paging));
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

    private static <T> Page<T> paged(List<T> all, PageRequest paging) {
        List<T> items = all.stream().skip(paging.offset()).limit(paging.size()).toList();
        return new Page<>(items, paging.page(), paging.size(), all.size());
    }
}
