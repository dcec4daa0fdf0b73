package org.meshledger.command.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.meshledger.api.command.Recorded;
import org.meshledger.api.command.TransferOwnership;
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
class OwnershipController {

    private final CommandDispatcher commands;

    OwnershipController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/api/products/{productId}/ownership-transfers")
    Mono<ResponseEntity<Recorded>> transfer(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TransferRequest request,
            ServerWebExchange exchange) {
        TransferOwnership command = new TransferOwnership(
                productId,
                request.fromTeam(),
                request.toTeam(),
                request.reason(),
                request.approvedBy(),
                request.effectiveAt(),
                Answers.expectedVersion(ifMatch));
        return commands.<Recorded>send(command, exchange)
                .map(recorded -> Answers.withVersion(HttpStatus.OK, recorded.version(), recorded));
    }

    record TransferRequest(
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.ID, message = "must be lowercase kebab case")
                    String fromTeam,
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.ID, message = "must be lowercase kebab case")
                    String toTeam,
            @NotBlank @Size(max = Ids.MAX_TEXT) String reason,
            @Email @Size(max = 254) String approvedBy,
            Instant effectiveAt) {}
}
