package org.meshledger.query.console;

import java.util.LinkedHashMap;
import java.util.Map;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.catalog.ProductSummaries;
import org.meshledger.query.contracts.ContractDiffs;
import org.meshledger.query.contracts.ContractVersionQueries;
import org.meshledger.query.contracts.ContractVersions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * A product's contract versions compared, any two side by side with the breaking changes explained, and each
 * version's document as a download: the console's own route, since the API's needs a bearer token.
 */
@Controller
class ContractPagesController {

    /** A page of the versions table; the two menus above it still offer every version. */
    static final int VERSIONS_PER_PAGE = 25;

    private static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

    private final ProductSummaries summaries;
    private final ContractVersionQueries contracts;
    private final ContractDiffs diffs;

    ContractPagesController(ProductSummaries summaries, ContractVersionQueries contracts, ContractDiffs diffs) {
        this.summaries = summaries;
        this.contracts = contracts;
        this.diffs = diffs;
    }

    @GetMapping("/ui/products/{productId}/contracts")
    Mono<String> compare(
            @PathVariable String productId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            Model model,
            ServerWebExchange exchange) {
        return Blocking.call(() -> ProductPagesController.known(productId)
                        .flatMap(summaries::of)
                        .map(product -> {
                            model.addAttribute("product", product);
                            ContractVersions versions = contracts.of(productId).orElse(null);
                            model.addAttribute("versions", versions);
                            Map<String, String> problems = new LinkedHashMap<>();
                            model.addAttribute("problems", problems);
                            if (versions == null || versions.versions().isEmpty()) {
                                return "console/contracts";
                            }
                            String older = chosen("from", from, versions.previousOrCurrent(), versions, problems);
                            String newer = chosen("to", to, versions.currentContractVersion(), versions, problems);
                            model.addAttribute("from", older);
                            model.addAttribute("to", newer);
                            addVersionPage(
                                    productId,
                                    versions,
                                    problems.containsKey("from") ? null : from,
                                    problems.containsKey("to") ? null : to,
                                    page,
                                    model);
                            if (problems.isEmpty()) {
                                model.addAttribute("diff", diffs.between(versions, older, newer));
                            }
                            return "console/contracts";
                        }))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.fromSupplier(
                        () -> ProductPagesController.notFound("data product", productId, model, exchange)));
    }

    @GetMapping("/ui/products/{productId}/contracts/{contractVersion}.yaml")
    @ResponseBody
    Mono<ResponseEntity<String>> download(@PathVariable String productId, @PathVariable String contractVersion) {
        return Blocking.call(() -> ProductPagesController.known(productId)
                        .filter(id -> contractVersion.length() <= 64)
                        .flatMap(id -> contracts.document(id, contractVersion, null, true)))
                .flatMap(Mono::justOrEmpty)
                .map(yaml -> ResponseEntity.ok()
                        .contentType(APPLICATION_YAML)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(productId + "-" + contractVersion + ".yaml")
                                        .build()
                                        .toString())
                        .body(yaml))
                .defaultIfEmpty(ResponseEntity.notFound().build());
    }

    /** The versions table a page at a time: the page asked for, else the newest. */
    private static void addVersionPage(
            String productId, ContractVersions versions, String from, String to, String page, Model model) {
        ListPage<VersionRow> rows = page == null
                ? VersionRow.newest(versions, VERSIONS_PER_PAGE)
                : VersionRow.page(versions, VERSIONS_PER_PAGE, ConsoleFields.page(page));
        model.addAttribute("versionRows", rows);
        model.addAttribute(
                "previous", rows.hasPrevious() ? versionsLink(productId, from, to, rows.number() - 1) : null);
        model.addAttribute("next", rows.hasNext() ? versionsLink(productId, from, to, rows.number() + 1) : null);
    }

    /** The same comparison with another page of versions below it. */
    private static String versionsLink(String productId, String from, String to, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/ui/products/{id}/contracts");
        if (from != null && !from.isBlank()) {
            uri.queryParam("from", from.strip());
        }
        if (to != null && !to.isBlank()) {
            uri.queryParam("to", to.strip());
        }
        uri.queryParam("page", page);
        return uri.encode().buildAndExpand(productId).toUriString();
    }

    /** A version the product has, or the default when none is asked; anything else is a message beside its field. */
    private static String chosen(
            String field, String asked, String fallback, ContractVersions versions, Map<String, String> problems) {
        if (asked == null || asked.isBlank()) {
            return fallback;
        }
        String version = asked.strip();
        if (versions.find(version).isEmpty()) {
            problems.put(field, "This product has no contract version '%s'".formatted(truncated(version)));
            return fallback;
        }
        return version;
    }

    private static String truncated(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
