package org.meshledger.query.console;

import java.util.LinkedHashMap;
import java.util.Map;
import org.meshledger.api.model.Classification;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.ProductStatus;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.catalog.CatalogFilter;
import org.meshledger.query.catalog.ProductSummaries;
import org.meshledger.query.catalog.ProductSummary;
import org.meshledger.query.compliance.ComplianceQueries;
import org.meshledger.query.compliance.Rollup;
import org.meshledger.query.ownershiphistory.TeamHistories;
import org.meshledger.query.ownershiphistory.TeamHistories.TeamProductHistory;
import org.meshledger.query.support.Page;
import org.meshledger.query.support.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The catalog with its filters in the URL, a domain's page, and a team's page: the levels above a product. */
@Controller
class CatalogPagesController {

    static final int PAGE_SIZE = 25;

    private final ProductSummaries summaries;
    private final ComplianceQueries compliance;
    private final TeamHistories teams;

    CatalogPagesController(ProductSummaries summaries, ComplianceQueries compliance, TeamHistories teams) {
        this.summaries = summaries;
        this.compliance = compliance;
        this.teams = teams;
    }

    @GetMapping("/ui/products")
    Mono<String> catalog(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String domain,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String classification,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            Model model) {
        Map<String, String> problems = new LinkedHashMap<>();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 200) {
            problems.put("q", "Search for at most 200 characters");
            text = null;
        }
        CatalogFilter filter = new CatalogFilter(
                text,
                ConsoleFields.id("domain", domain, problems),
                ConsoleFields.id("owner", owner, problems),
                ConsoleFields.choice("classification", classification, Classification.class, problems),
                ConsoleFields.choice("status", status, ProductStatus.class, problems));
        PageRequest paging = new PageRequest(ConsoleFields.page(page), PAGE_SIZE);
        model.addAttribute("form", filter);
        model.addAttribute("typed", typed(q, domain, owner, classification, status));
        model.addAttribute("problems", problems);
        model.addAttribute("classifications", Classification.values());
        model.addAttribute("statuses", ProductStatus.values());
        return Blocking.call(() -> {
            Page<ProductSummary> products = summaries.page(filter, paging);
            model.addAttribute("products", products);
            model.addAttribute("pages", CatalogPaging.of(filter, products));
            return "console/catalog";
        });
    }

    @GetMapping("/ui/domains/{domain}")
    Mono<String> domain(@PathVariable String domain, Model model, ServerWebExchange exchange) {
        if (!domain.matches(Ids.ID)) {
            return Mono.just(ProductPagesController.notFound("domain with products", domain, model, exchange));
        }
        CatalogFilter inDomain = new CatalogFilter(null, domain, null, null, null);
        return Blocking.call(() -> {
            Rollup rollup = compliance.domain(domain);
            Page<ProductSummary> products = summaries.page(inDomain, new PageRequest(0, PAGE_SIZE));
            if (products.total() == 0) {
                return ProductPagesController.notFound("domain with products", domain, model, exchange);
            }
            model.addAttribute("domain", domain);
            model.addAttribute("rollup", rollup);
            model.addAttribute("products", products);
            model.addAttribute("pages", CatalogPaging.of(inDomain, products));
            return "console/domain";
        });
    }

    @GetMapping("/ui/teams/{team}")
    Mono<String> team(
            @PathVariable String team,
            @RequestParam(required = false) String page,
            Model model,
            ServerWebExchange exchange) {
        if (!team.matches(Ids.ID)) {
            return Mono.just(ProductPagesController.notFound("team that owned a product", team, model, exchange));
        }
        return Blocking.call(() -> {
            Page<TeamProductHistory> owned = teams.ownedBy(team, new PageRequest(ConsoleFields.page(page), PAGE_SIZE));
            if (owned.total() == 0) {
                return ProductPagesController.notFound("team that owned a product", team, model, exchange);
            }
            int pages = (int) ((owned.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            String here = "/ui/teams/" + team;
            model.addAttribute("team", team);
            model.addAttribute("owned", owned.items());
            model.addAttribute(
                    "pages",
                    new CatalogPaging(
                            owned.page(),
                            pages,
                            owned.total(),
                            owned.page() > 0 ? here + "?page=" + (owned.page() - 1) : null,
                            owned.page() + 1 < pages ? here + "?page=" + (owned.page() + 1) : null));
            return "console/team";
        });
    }

    /** What the person typed, shown back in the form even where it did not fit. */
    private static Map<String, String> typed(String... values) {
        String[] names = {"q", "domain", "owner", "classification", "status"};
        Map<String, String> typed = new LinkedHashMap<>();
        for (int index = 0; index < names.length; index++) {
            typed.put(names[index], values[index] == null ? "" : values[index]);
        }
        return typed;
    }
}
