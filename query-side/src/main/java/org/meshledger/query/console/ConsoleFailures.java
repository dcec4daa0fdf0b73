package org.meshledger.query.console;

import org.meshledger.platform.web.ProblemAdvice;
import org.meshledger.platform.web.ProblemTranslator;
import org.meshledger.platform.web.RequestMetadata;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * What a person sees when a console page fails: a page in the console's frame with the status in words, never the
 * API's JSON problem. A mistake in the URL says what was wrong; a fault on this side says only that it happened and
 * the reference under which it was logged.
 */
final class ConsoleFailures {

    private ConsoleFailures() {}

    static boolean isConsole(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().startsWith("/ui/");
    }

    /** The status a failure answers with, and what the page says of it. */
    record Shown(HttpStatusCode status, String message) {

        static Shown of(ProblemTranslator translator, ServerWebExchange exchange, Throwable failure) {
            ProblemDetail problem = translator.translate(failure);
            HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
            String reference = exchange.getResponse().getHeaders().getFirst(RequestMetadata.CORRELATION_HEADER);
            String message = status.is5xxServerError()
                    ? "The ledger could not answer this page just now; nothing was changed. Try again in a moment;"
                            + " if it goes on, give your operator the reference " + reference + "."
                    : problem.getDetail();
            return new Shown(status, message == null ? "This page cannot be shown." : message);
        }
    }

    /**
     * Failures while a request is dispatched: inside the console's controllers, and a path no handler takes (which
     * reaches only advice that applies to every handler). Anything outside {@code /ui/} is the API's to answer.
     */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class InPages {

        private final ProblemTranslator translator;
        private final ProblemAdvice api;

        InPages(ProblemTranslator translator, ProblemAdvice api) {
            this.translator = translator;
            this.api = api;
        }

        /** A browser that left a page with a live part: no one is left to answer. */
        @ExceptionHandler(AbortedException.class)
        Mono<Void> clientLeft() {
            return Mono.empty();
        }

        @ExceptionHandler(Throwable.class)
        ResponseEntity<?> failed(Throwable failure, ServerWebExchange exchange) {
            if (!isConsole(exchange)) {
                return api.handle(failure, exchange);
            }
            Shown shown = Shown.of(translator, exchange, failure);
            return ResponseEntity.status(shown.status())
                    .contentType(ConsoleErrors.HTML)
                    .body(ConsoleErrors.page(shown.status(), shown.message()));
        }
    }

    /** Failures before any controller under {@code /ui/} (no such page, a method a page does not take). */
    @Component
    @Order(-3)
    static class OutsidePages implements ErrorWebExceptionHandler {

        private final ProblemTranslator translator;

        OutsidePages(ProblemTranslator translator) {
            this.translator = translator;
        }

        @Override
        public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
            if (!isConsole(exchange) || exchange.getResponse().isCommitted()) {
                return Mono.error(failure);
            }
            Shown shown = Shown.of(translator, exchange, failure);
            return ConsoleErrors.render(exchange, shown.status(), shown.message());
        }
    }
}
