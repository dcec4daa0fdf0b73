package org.meshledger.query.drift;

import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.drift.DriftKind.Severity;
import org.meshledger.query.support.InvalidQuery;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The drift timeline, newest first: for one product, for a domain, or mesh-wide. */
@RestController
class DriftController {

    private final DriftQueries queries;
    private final Clock clock;

    DriftController(DriftQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/products/{productId}/drift")
    Mono<Page<DriftEntry>> product(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestParam(required = false) DriftKind kind,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) Instant since,
            @RequestParam(required = false) Instant until,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return list(new DriftFilter(productId, null, kind, severity, since, until, clock.instant()), page, size);
    }

    @GetMapping("/api/drift")
    Mono<Page<DriftEntry>> mesh(
            @RequestParam(required = false) @Pattern(regexp = Ids.ID) String domain,
            @RequestParam(required = false) DriftKind kind,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) Instant since,
            @RequestParam(required = false) Instant until,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return list(new DriftFilter(null, domain, kind, severity, since, until, clock.instant()), page, size);
    }

    private Mono<Page<DriftEntry>> list(DriftFilter filter, Integer page, Integer size) {
        if (filter.since() != null && filter.until() != null && !filter.since().isBefore(filter.until())) {
            throw new InvalidQuery(List.of(new FieldError("until", "must be later than since")));
        }
        PageRequest paging = PageRequest.of(page, size);
        return Blocking.call(() -> queries.newestFirst(filter, paging));
    }
}
