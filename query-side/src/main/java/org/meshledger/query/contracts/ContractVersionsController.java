package org.meshledger.query.contracts;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.contracts.ContractDiffs.ContractVersionsDiff;
import org.meshledger.query.support.NotFound;
import org.meshledger.query.support.ReadYourWrites;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A product's contract versions with their change sets, each version's document (the ODCS export), and diffs. */
@RestController
class ContractVersionsController {

    private static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

    private final ContractVersionQueries queries;
    private final ContractDiffs diffs;

    ContractVersionsController(ContractVersionQueries queries, ContractDiffs diffs) {
        this.queries = queries;
        this.diffs = diffs;
    }

    @GetMapping("/api/products/{productId}/contract-versions")
    Mono<ResponseEntity<ContractVersions>> list(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestParam(required = false) @PositiveOrZero Long minVersion) {
        return ReadYourWrites.answer(
                        () -> queries.index(productId), ContractIndex::version, minVersion, queries::versions)
                .switchIfEmpty(Mono.error(() -> NotFound.product(productId)));
    }

    @GetMapping(
            value = "/api/products/{productId}/contract-versions/{contractVersion}",
            produces = {"application/json", "application/yaml"})
    Mono<ResponseEntity<String>> document(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @PathVariable @Size(max = 64) String contractVersion,
            @RequestParam(required = false) @PositiveOrZero Long minVersion,
            @RequestParam(required = false) @Size(max = 64) String apiVersion,
            @RequestHeader(value = "Accept", required = false) String accept) {
        if (apiVersion != null) {
            ContractExport.requireSupported(apiVersion);
        }
        boolean yaml = accept != null && accept.contains("yaml");
        Mono<?> caughtUp = minVersion == null
                ? Mono.just(true)
                : ReadYourWrites.answer(
                                () -> queries.index(productId), ContractIndex::version, minVersion, index -> index)
                        .defaultIfEmpty(ResponseEntity.notFound().build());
        return caughtUp.then(Blocking.call(() -> queries.document(productId, contractVersion, apiVersion, yaml)))
                .flatMap(Mono::justOrEmpty)
                .map(text -> ResponseEntity.ok()
                        .contentType(yaml ? APPLICATION_YAML : MediaType.APPLICATION_JSON)
                        .body(text))
                .switchIfEmpty(Mono.error(() -> noSuchVersion(productId, contractVersion)));
    }

    /** Without {@code from} and {@code to}: the version before the current one against the current one. */
    @GetMapping("/api/products/{productId}/contract-diff")
    Mono<ContractVersionsDiff> diff(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestParam(required = false) @Size(max = 64) String from,
            @RequestParam(required = false) @Size(max = 64) String to) {
        return Blocking.call(() -> {
            ContractVersions versions = queries.of(productId).orElseThrow(() -> NotFound.product(productId));
            if (versions.versions().isEmpty()) {
                throw new NotFound(
                        "CONTRACT_VERSION_NOT_FOUND",
                        "Product '%s' has published no contract version yet".formatted(productId));
            }
            String older = from == null ? versions.previousOrCurrent() : from;
            String newer = to == null ? versions.currentContractVersion() : to;
            for (String asked : new String[] {older, newer}) {
                if (versions.find(asked).isEmpty()) {
                    throw noSuchVersion(productId, asked);
                }
            }
            return diffs.between(versions, older, newer);
        });
    }

    private static NotFound noSuchVersion(String productId, String contractVersion) {
        return new NotFound(
                "CONTRACT_VERSION_NOT_FOUND",
                "Product '%s' has no contract version %s".formatted(productId, contractVersion));
    }
}
