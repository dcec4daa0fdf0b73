package org.meshledger.query.console;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.notifications.Outbox;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.catalog.ProductSummaries;
import org.meshledger.query.compliance.ComplianceQueries;
import org.meshledger.query.compliance.ComplianceQueries.ProductDetail;
import org.meshledger.query.contracts.ContractVersionQueries;
import org.meshledger.query.contracts.ContractVersions;
import org.meshledger.query.ownershiphistory.OwnershipHistories;
import org.meshledger.query.ownershiphistory.OwnershipHistories.ProductOwnershipHistory;
import org.meshledger.query.ownershiphistory.OwnershipPeriod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * One product's pages: its summary with its SLOs' compliance charted, its consumers' sunsets and its contract versions,
 * and its ownership timeline in two times.
 */
@Controller
class ProductPagesController {

    /** Owner periods a person scans at once; the bars above still show the whole past. */
    static final int PERIODS_PER_PAGE = 50;
    /** The product page shows its newest contract versions; the contracts page has them all. */
    static final int NEWEST_VERSIONS = 10;

    private final ProductSummaries summaries;
    private final ComplianceQueries compliance;
    private final OwnershipHistories histories;
    private final ContractVersionQueries contracts;
    private final ConsoleDrift drift;
    private final Outbox outbox;
    private final Clock clock;

    ProductPagesController(
            ProductSummaries summaries,
            ComplianceQueries compliance,
            OwnershipHistories histories,
            ContractVersionQueries contracts,
            ConsoleDrift drift,
            Outbox outbox,
            Clock clock) {
        this.summaries = summaries;
        this.compliance = compliance;
        this.histories = histories;
        this.contracts = contracts;
        this.drift = drift;
        this.outbox = outbox;
        this.clock = clock;
    }

    @GetMapping("/ui/products/{productId}")
    Mono<String> product(@PathVariable String productId, Model model, ServerWebExchange exchange) {
        return Blocking.call(() -> known(productId).flatMap(summaries::of).map(summary -> {
                    model.addAttribute("product", summary);
                    Optional<ProductDetail> detail = compliance.detail(productId);
                    model.addAttribute(
                            "compliance", detail.map(ProductDetail::compliance).orElse(null));
                    model.addAttribute(
                            "charts",
                            detail.map(found -> found.history().stream()
                                            .map(ComplianceChart::of)
                                            .toList())
                                    .orElse(List.of()));
                    model.addAttribute(
                            "sunsets", detail.map(ProductDetail::majorSunsets).orElse(Map.of()));
                    model.addAttribute("now", clock.instant());
                    ContractVersions versions = contracts.of(productId).orElse(null);
                    model.addAttribute("contracts", versions);
                    if (versions != null) {
                        model.addAttribute("contractRows", VersionRow.newest(versions, NEWEST_VERSIONS));
                    }
                    drift.addFeed(productId, model);
                    model.addAttribute("notified", outbox.recentFor(productId));
                    return "console/product";
                }))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.fromSupplier(() -> notFound("data product", productId, model, exchange)));
    }

    @GetMapping("/ui/products/{productId}/ownership")
    Mono<String> ownership(
            @PathVariable String productId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            Model model,
            ServerWebExchange exchange) {
        Map<String, String> problems = new LinkedHashMap<>();
        Instant businessTime = ConsoleDates.read("asOf", asOf, problems);
        Instant recordingTime = ConsoleDates.read("knownAt", knownAt, problems);
        model.addAttribute("asOf", asOf == null ? "" : asOf);
        model.addAttribute("knownAt", knownAt == null ? "" : knownAt);
        model.addAttribute("problems", problems);
        return Blocking.call(() -> known(productId)
                        .flatMap(id -> histories.of(id, businessTime, recordingTime))
                        .map(history -> {
                            model.addAttribute("productId", productId);
                            model.addAttribute("history", history);
                            model.addAttribute("timeline", OwnershipBars.of(history.periods()));
                            ListPage<OwnershipPeriod> periods = periodPage(history, businessTime, page);
                            model.addAttribute("periods", periods);
                            model.addAttribute(
                                    "previous", periodsLink(productId, problems, asOf, knownAt, periods, -1));
                            model.addAttribute("next", periodsLink(productId, problems, asOf, knownAt, periods, 1));
                            return "console/ownership";
                        }))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.fromSupplier(() -> notFound("data product", productId, model, exchange)));
    }

    /** The page asked for, else the one holding the period the "as of" answer falls in. */
    private ListPage<OwnershipPeriod> periodPage(ProductOwnershipHistory history, Instant asOf, String page) {
        List<OwnershipPeriod> periods = history.periods();
        if (page != null) {
            return ListPage.of(periods, PERIODS_PER_PAGE, ConsoleFields.page(page));
        }
        Instant answered = asOf == null ? clock.instant() : asOf;
        int holding = periods.size() - 1;
        for (int index = 0; index < periods.size(); index++) {
            if (periods.get(index).contains(answered)) {
                holding = index;
                break;
            }
        }
        if (!periods.isEmpty()
                && periods.get(0).from() != null
                && answered.isBefore(periods.get(0).from())) {
            holding = 0;
        }
        return ListPage.of(periods, PERIODS_PER_PAGE, ListPage.holding(Math.max(0, holding), PERIODS_PER_PAGE));
    }

    /** The neighbouring page's URL, keeping both times as typed: null where there is none. */
    private static String periodsLink(
            String productId,
            Map<String, String> problems,
            String asOf,
            String knownAt,
            ListPage<OwnershipPeriod> periods,
            int step) {
        if (step < 0 ? !periods.hasPrevious() : !periods.hasNext()) {
            return null;
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/ui/products/{id}/ownership");
        if (asOf != null && !asOf.isBlank() && !problems.containsKey("asOf")) {
            uri.queryParam("asOf", asOf.strip());
        }
        if (knownAt != null && !knownAt.isBlank() && !problems.containsKey("knownAt")) {
            uri.queryParam("knownAt", knownAt.strip());
        }
        uri.queryParam("page", periods.number() + step);
        return uri.encode().buildAndExpand(productId).toUriString();
    }

    static Optional<String> known(String productId) {
        return productId.matches(Ids.PRODUCT_ID) ? Optional.of(productId) : Optional.empty();
    }

    static String notFound(String what, String id, Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
        model.addAttribute("what", what);
        model.addAttribute("missing", id);
        return "console/not-found";
    }
}
