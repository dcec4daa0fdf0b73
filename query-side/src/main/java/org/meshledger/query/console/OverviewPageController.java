package org.meshledger.query.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.compliance.ComplianceQueries;
import org.meshledger.query.compliance.ProductCompliance;
import org.meshledger.query.compliance.Rollup;
import org.meshledger.query.drift.DriftQueries;
import org.meshledger.query.ownershiphistory.OwnershipExceptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/**
 * The mesh overview: compliance against the threshold, each domain's rollup in the order asked for, last week's drift
 * by severity, what needs attention, and the live drift feed.
 */
@Controller
class OverviewPageController {

    static final Duration DRIFT_WEEK = Duration.ofDays(7);

    private final ComplianceQueries compliance;
    private final OwnershipExceptions exceptions;
    private final DriftQueries driftQueries;
    private final ConsoleDrift drift;
    private final Clock clock;

    OverviewPageController(
            ComplianceQueries compliance,
            OwnershipExceptions exceptions,
            DriftQueries driftQueries,
            ConsoleDrift drift,
            Clock clock) {
        this.compliance = compliance;
        this.exceptions = exceptions;
        this.driftQueries = driftQueries;
        this.drift = drift;
        this.clock = clock;
    }

    @GetMapping("/ui/")
    Mono<String> overview(
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order, Model model) {
        DomainOrder domainOrder = DomainOrder.of(sort, order);
        return Blocking.call(() -> {
            List<ProductCompliance> judged = compliance.allProducts();
            Rollup mesh = compliance.mesh(judged);
            Instant now = clock.instant();
            model.addAttribute("mesh", mesh);
            model.addAttribute("domains", domainOrder.sorted(mesh.domains()));
            model.addAttribute("order", domainOrder);
            model.addAttribute("attention", NeedsAttention.of(judged, exceptions));
            Map<String, Long> counts = new HashMap<>();
            driftQueries
                    .countsBySeverity(now.minus(DRIFT_WEEK), now)
                    .forEach((severity, count) -> counts.put(severity.name(), count));
            model.addAttribute("driftCounts", counts);
            drift.addFeed(null, model);
            return "console/overview";
        });
    }
}
