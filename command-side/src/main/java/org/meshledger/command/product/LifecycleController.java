package org.meshledger.command.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.meshledger.api.command.DeprecateDataProduct;
import org.meshledger.api.command.Recorded;
import org.meshledger.api.command.RetireDataProduct;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class LifecycleController {

    private final CommandDispatcher commands;

    LifecycleController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/api/products/{productId}/deprecation")
    Mono<ResponseEntity<Recorded>> deprecate(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReasonRequest request,
            ServerWebExchange exchange) {
        return send(new DeprecateDataProduct(productId, request.reason(), Answers.expectedVersion(ifMatch)), exchange);
    }

    @PostMapping("/api/products/{productId}/retirement")
    Mono<ResponseEntity<Recorded>> retire(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReasonRequest request,
            ServerWebExchange exchange) {
        return send(new RetireDataProduct(productId, request.reason(), Answers.expectedVersion(ifMatch)), exchange);
    }

    private Mono<ResponseEntity<Recorded>> send(Object command, ServerWebExchange exchange) {
        return commands.<Recorded>send(command, exchange)
                .map(recorded -> Answers.withVersion(HttpStatus.OK, recorded.version(), recorded));
    }

    record ReasonRequest(@NotBlank @Size(max = Ids.MAX_TEXT) String reason) {}
}
