package org.meshledger.command.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.meshledger.api.command.Recorded;
import org.meshledger.api.command.RegisterConsumer;
import org.meshledger.api.command.RemoveConsumer;
import org.meshledger.api.model.Ids;
import org.meshledger.command.web.Answers;
import org.meshledger.command.web.CommandDispatcher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class ConsumerController {

    private final CommandDispatcher commands;

    ConsumerController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/api/products/{productId}/consumers")
    Mono<ResponseEntity<Recorded>> register(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ConsumerRequest request,
            ServerWebExchange exchange) {
        RegisterConsumer command = new RegisterConsumer(
                productId, request.consumerTeam(), request.contractMajor(), Answers.expectedVersion(ifMatch));
        return commands.<Recorded>send(command, exchange)
                .map(recorded -> Answers.withVersion(HttpStatus.CREATED, recorded.version(), recorded));
    }

    @DeleteMapping("/api/products/{productId}/consumers/{consumerTeam}")
    Mono<ResponseEntity<Recorded>> remove(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @PathVariable @Pattern(regexp = Ids.ID) String consumerTeam,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            ServerWebExchange exchange) {
        RemoveConsumer command = new RemoveConsumer(productId, consumerTeam, Answers.expectedVersion(ifMatch));
        return commands.<Recorded>send(command, exchange)
                .map(recorded -> Answers.withVersion(HttpStatus.OK, recorded.version(), recorded));
    }

    record ConsumerRequest(
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.ID, message = "must be lowercase kebab case")
                    String consumerTeam,
            @NotNull @Min(1) @Max(1_000_000) Integer contractMajor) {}
}
