package org.meshledger.command.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.meshledger.api.command.Recorded;
import org.meshledger.api.command.RegisterDataProduct;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.model.Classification;
import org.meshledger.api.model.Ids;
import org.meshledger.command.web.Answers;
import org.meshledger.command.web.CommandDispatcher;
import org.meshledger.command.web.InvalidRequest;
import org.meshledger.platform.security.Callers;
import org.meshledger.platform.security.ForbiddenDomain;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class ProductRegistrationController {

    private final CommandDispatcher commands;

    ProductRegistrationController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/api/products")
    Mono<ResponseEntity<Recorded>> register(@Valid @RequestBody RegisterRequest request, ServerWebExchange exchange) {
        request.requireIdInDomain();
        return exchange.getPrincipal()
                .filter(caller -> Callers.mayChange(caller, request.domain()))
                .switchIfEmpty(Mono.error(() -> new ForbiddenDomain(request.domain())))
                .then(Mono.defer(() -> send(request, exchange)));
    }

    private Mono<ResponseEntity<Recorded>> send(RegisterRequest request, ServerWebExchange exchange) {
        RegisterDataProduct command = new RegisterDataProduct(
                request.productId(),
                request.domain(),
                request.name(),
                request.classification(),
                request.ownerTeam(),
                request.description(),
                request.effectiveAt());
        return commands.<Object>send(command, exchange)
                .thenReturn(new Recorded(request.productId(), 0))
                .map(recorded -> ResponseEntity.created(URI.create("/api/products/" + recorded.productId()))
                        .eTag(Answers.etag(recorded.version()))
                        .body(recorded));
    }

    record RegisterRequest(
            @NotBlank
                    @Size(max = Ids.MAX_LENGTH)
                    @Pattern(regexp = Ids.PRODUCT_ID, message = "must be <domain>.<name> in lowercase kebab case")
                    String productId,
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.ID, message = "must be lowercase kebab case")
                    String domain,
            @NotBlank @Size(max = 200) String name,
            @NotNull Classification classification,
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.ID, message = "must be lowercase kebab case")
                    String ownerTeam,
            @Size(max = Ids.MAX_TEXT) String description,
            Instant effectiveAt) {

        void requireIdInDomain() {
            if (!productId.startsWith(domain + ".")) {
                throw new InvalidRequest(List.of(new FieldError(
                        "/productId", "must start with its domain followed by a dot ('%s.')".formatted(domain))));
            }
        }
    }
}
