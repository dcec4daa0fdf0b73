package org.meshledger.query.ownershiphistory;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.InvalidQuery;
import org.meshledger.query.support.NotFound;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.meshledger.query.support.ReadYourWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class OwnershipHistoryController {

    private final MongoTemplate mongo;

    OwnershipHistoryController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/products/{productId}/ownership-history")
    Mono<ResponseEntity<ProductOwnershipHistory>> product(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) Instant knownAt,
            @RequestParam(required = false) @PositiveOrZero Long minVersion) {
        return ReadYourWrites.answer(
                        () -> Optional.ofNullable(mongo.findById(productId, OwnershipRecord.class)),
                        OwnershipRecord::version,
                        minVersion,
                        record -> history(record, asOf, knownAt))
                .switchIfEmpty(Mono.error(() -> NotFound.product(productId)));
    }

    @GetMapping("/api/teams/{team}/ownership-history")
    Mono<Page<TeamProductHistory>> team(
            @PathVariable @Pattern(regexp = Ids.ID) String team,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQuery(List.of(new FieldError("to", "must be later than from")));
        }
        PageRequest paging = PageRequest.of(page, size);
        return Blocking.call(() -> {
            List<TeamProductHistory> owned = ownedBy(team, from, to);
            List<TeamProductHistory> items =
                    owned.stream().skip(paging.offset()).limit(paging.size()).toList();
            return new Page<>(items, paging.page(), paging.size(), owned.size());
        });
    }

    private List<TeamProductHistory> ownedBy(String team, Instant from, Instant to) {
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

    private static ProductOwnershipHistory history(OwnershipRecord record, Instant asOf, Instant knownAt) {
        List<OwnershipPeriod> periods = OwnershipTimeline.periods(record, knownAt);
        Instant ownerInstant = asOf == null ? Instant.now() : asOf;
        return new ProductOwnershipHistory(
                record.productId(),
                periods,
                OwnershipTimeline.ownerAsOf(periods, ownerInstant).orElse(null),
                asOf,
                knownAt,
                record.version());
    }

    record ProductOwnershipHistory(
            String productId,
            List<OwnershipPeriod> periods,
            String ownerAsOf,
            Instant asOf,
            Instant knownAt,
            long version) {}

    record TeamProductHistory(String productId, String domain, List<OwnershipPeriod> periods) {}
}
