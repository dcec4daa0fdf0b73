package org.meshledger.command.web;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.meshledger.platform.security.Callers;
import org.meshledger.platform.web.Blocking;
import org.meshledger.platform.web.CorrelationIdFilter;
import org.meshledger.platform.web.RequestMetadata;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Sends a command with who asked, the correlation id and the idempotency key as metadata for its events. */
@Component
public class CommandDispatcher {

    private static final int MAX_ATTEMPTS = 3;

    private final CommandGateway commandGateway;

    public CommandDispatcher(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> Mono<R> send(Object command, ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(principal -> metadata(principal, exchange))
                .flatMap(metadata -> Blocking.call(() -> sendRetryingConflicts(command, metadata)));
    }

    /**
     * A conflict on append means another replica changed the product after this one loaded it (or this replica's
     * cached copy was stale, and is now dropped). The command is judged again against the product as it now is:
     * an If-Match or a rule still refuses it if the change matters.
     */
    private <R> R sendRetryingConflicts(Object command, MetaData metadata) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commandGateway.sendAndWait(new GenericCommandMessage<>(command, metadata));
            } catch (ConcurrencyException conflict) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    private static MetaData metadata(Principal caller, ServerWebExchange exchange) {
        Map<String, Object> values = new HashMap<>();
        values.put(RequestMetadata.ACTOR, caller.getName());
        values.put(
                RequestMetadata.ROLES, Callers.roles(caller).stream().sorted().toList());
        values.put(RequestMetadata.CORRELATION_ID, CorrelationIdFilter.of(exchange));
        String idempotencyKey = exchange.getRequest().getHeaders().getFirst(RequestMetadata.IDEMPOTENCY_HEADER);
        if (idempotencyKey != null) {
            values.put(RequestMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return MetaData.from(values);
    }
}
