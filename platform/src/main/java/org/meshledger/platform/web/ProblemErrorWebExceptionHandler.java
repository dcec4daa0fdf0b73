package org.meshledger.platform.web;

import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Failures outside controllers (no such route, method not allowed) answer with problems too, never an HTML page. */
@Component
@Order(-2)
public class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private final ProblemTranslator translator;
    private final ProblemWriter writer;

    public ProblemErrorWebExceptionHandler(ProblemTranslator translator, ProblemWriter writer) {
        this.translator = translator;
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        return writer.write(exchange, translator.translate(failure));
    }
}
