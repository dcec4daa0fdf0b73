package org.meshledger.command.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.meshledger.api.command.ContractJudged;
import org.meshledger.api.command.DeprecateContractVersion;
import org.meshledger.api.command.PublishContractVersion;
import org.meshledger.api.command.Recorded;
import org.meshledger.api.model.Compatibility;
import org.meshledger.api.model.Ids;
import org.meshledger.command.web.Answers;
import org.meshledger.command.web.CommandDispatcher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Contract versions as ODCS documents, JSON or YAML; {@code ?dryRun=true} is the check a producer's CI runs. */
@RestController
class ContractController {

    private final CommandDispatcher commands;

    ContractController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping(
            value = "/api/products/{productId}/contract-versions",
            consumes = {"application/json", "application/yaml", "application/x-yaml", "text/yaml"})
    Mono<ResponseEntity<ContractJudged>> publish(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestParam(required = false) Compatibility compatibility,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody String document,
            ServerWebExchange exchange) {
        OdcsDocuments.validatedAgainst(OdcsDocuments.parse(document));
        PublishContractVersion command = new PublishContractVersion(
                productId, document, compatibility, dryRun, Answers.expectedVersion(ifMatch));
        return commands.<ContractJudged>send(command, exchange)
                .map(judged -> judged.recorded()
                        ? ResponseEntity.created(URI.create("/api/products/%s/contract-versions/%s"
                                        .formatted(productId, judged.contractVersion())))
                                .eTag(Answers.etag(judged.version()))
                                .body(judged)
                        : Answers.withVersion(HttpStatus.OK, judged.version(), judged));
    }

    @PostMapping("/api/products/{productId}/contract-versions/{contractVersion}/deprecation")
    Mono<ResponseEntity<Recorded>> deprecate(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @PathVariable @Size(max = 64) String contractVersion,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DeprecationRequest request,
            ServerWebExchange exchange) {
        DeprecateContractVersion command = new DeprecateContractVersion(
                productId, contractVersion, request.sunsetAt(), request.reason(), Answers.expectedVersion(ifMatch));
        return commands.<Recorded>send(command, exchange)
                .map(recorded -> Answers.withVersion(HttpStatus.OK, recorded.version(), recorded));
    }

    record DeprecationRequest(@NotNull Instant sunsetAt, @NotBlank @Size(max = Ids.MAX_TEXT) String reason) {}
}
