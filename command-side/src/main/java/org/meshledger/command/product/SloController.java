package org.meshledger.command.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.meshledger.api.command.DefineSlo;
import org.meshledger.api.command.Recorded;
import org.meshledger.api.command.RemoveSlo;
import org.meshledger.api.command.SloRecorded;
import org.meshledger.api.error.FieldError;
import org.meshledger.api.model.Ids;
import org.meshledger.api.model.Indicator;
import org.meshledger.api.model.Slo;
import org.meshledger.command.web.Answers;
import org.meshledger.command.web.CommandDispatcher;
import org.meshledger.command.web.InvalidRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class SloController {

    private final CommandDispatcher commands;

    SloController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PutMapping("/api/products/{productId}/slos/{indicator}")
    Mono<ResponseEntity<SloRecorded>> define(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @PathVariable String indicator,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SloRequest request,
            ServerWebExchange exchange) {
        Indicator known = KnownIndicator.of(indicator);
        Slo slo = request.toSlo(known);
        DefineSlo command = new DefineSlo(productId, known, slo, Answers.expectedVersion(ifMatch));
        return commands.<SloRecorded>send(command, exchange)
                .map(recorded -> Answers.withVersion(HttpStatus.OK, recorded.version(), recorded));
    }

    @DeleteMapping("/api/products/{productId}/slos/{indicator}")
    Mono<ResponseEntity<Recorded>> remove(
            @PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId,
            @PathVariable String indicator,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            ServerWebExchange exchange) {
        RemoveSlo command = new RemoveSlo(productId, KnownIndicator.of(indicator), Answers.expectedVersion(ifMatch));
        return commands.<Recorded>send(command, exchange)
                .map(recorded -> Answers.withVersion(HttpStatus.OK, recorded.version(), recorded));
    }

    record SloRequest(@NotNull Double threshold, @NotNull Double target, @NotNull Duration window) {

        /** The ranges depend on the indicator, which the path names, so they are checked here rather than by annotation. */
        Slo toSlo(Indicator indicator) {
            List<FieldError> errors = new ArrayList<>();
            if (!indicator.accepts(threshold)) {
                errors.add(new FieldError("/threshold", "must be " + indicator.rangeDescription()));
            }
            if (!(target > 0 && target <= 1)) {
                errors.add(new FieldError("/target", "must be a fraction greater than 0 and at most 1"));
            }
            if (window.compareTo(Slo.SHORTEST_WINDOW) < 0 || window.compareTo(Slo.LONGEST_WINDOW) > 0) {
                errors.add(new FieldError("/window", "must be between PT1H and P400D"));
            }
            InvalidRequest.throwIfAny(errors);
            return new Slo(threshold, target, window);
        }
    }
}
