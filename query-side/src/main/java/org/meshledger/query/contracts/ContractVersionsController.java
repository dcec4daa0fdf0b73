package org.meshledger.query.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.meshledger.api.model.BreakingChange;
import org.meshledger.api.model.Bump;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.ContractChange;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.NotFound;
import org.meshledger.query.support.ReadYourWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A product's contract versions with their change sets, and each version's document: the ODCS export. */
@RestController
class ContractVersionsController {

    private static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

    private final MongoTemplate mongo;

    ContractVersionsController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/products/{productId}/contract-versions")
    Mono<ResponseEntity<Versions>> list(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestParam(required = false) @PositiveOrZero Long minVersion) {
        return ReadYourWrites.answer(
                        () -> Optional.ofNullable(mongo.findById(productId, ContractIndex.class)),
                        ContractIndex::version,
                        minVersion,
                        this::versions)
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
                                () -> Optional.ofNullable(mongo.findById(productId, ContractIndex.class)),
                                ContractIndex::version,
                                minVersion,
                                index -> index)
                        .defaultIfEmpty(ResponseEntity.notFound().build());
        return caughtUp.then(Blocking.call(() -> Optional.ofNullable(mongo.findById(
                        ContractVersionRecord.idOf(productId, contractVersion), ContractVersionRecord.class))))
                .flatMap(Mono::justOrEmpty)
                .map(record -> ResponseEntity.ok()
                        .contentType(yaml ? APPLICATION_YAML : MediaType.APPLICATION_JSON)
                        .body(exported(record, apiVersion, yaml)))
                .switchIfEmpty(Mono.error(() -> new NotFound(
                        "CONTRACT_VERSION_NOT_FOUND",
                        "Product '%s' has no contract version %s".formatted(productId, contractVersion))));
    }

    /** As stored unless another ODCS version is asked for. */
    private static String exported(ContractVersionRecord record, String apiVersion, boolean yaml) {
        JsonNode stored = ContractText.read(record.document());
        JsonNode wanted =
                apiVersion == null ? stored : ContractExport.as(stored, record.validatedAgainst(), apiVersion);
        return yaml ? ContractText.yaml(record.document(), stored, wanted) : ContractText.json(wanted);
    }

    private Versions versions(ContractIndex index) {
        List<String> ids = index.versions().stream()
                .map(version -> ContractVersionRecord.idOf(index.productId(), version))
                .toList();
        List<VersionSummary> items =
                mongo.find(new Query(Criteria.where("_id").in(ids)), ContractVersionRecord.class).stream()
                        .sorted(java.util.Comparator.comparingInt(
                                record -> index.versions().indexOf(record.contractVersion())))
                        .map(VersionSummary::of)
                        .toList();
        String current = index.versions().isEmpty()
                ? null
                : index.versions().get(index.versions().size() - 1);
        return new Versions(index.productId(), current, items, index.version());
    }

    record Versions(String productId, String currentContractVersion, List<VersionSummary> versions, long version) {}

    record VersionSummary(
            String contractVersion,
            String apiVersion,
            String validatedAgainst,
            Compatibility compatibility,
            Bump bump,
            List<ContractChange> changes,
            List<BreakingChange> breakingChanges,
            String declaredTeam,
            Instant publishedAt,
            Instant sunsetAt,
            String deprecationReason,
            String eventId) {

        static VersionSummary of(ContractVersionRecord record) {
            return new VersionSummary(
                    record.contractVersion(),
                    record.apiVersion(),
                    record.validatedAgainst(),
                    record.compatibility(),
                    record.bump(),
                    record.changes(),
                    record.breakingChanges(),
                    record.declaredTeam(),
                    record.publishedAt(),
                    record.sunsetAt(),
                    record.deprecationReason(),
                    record.eventId());
        }
    }
}
