package org.meshledger.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/** The one place where a failure inside a controller becomes an HTTP problem. */
@RestControllerAdvice
public class ProblemAdvice {

    private final ProblemTranslator translator;

    public ProblemAdvice(ProblemTranslator translator) {
        this.translator = translator;
    }

    /**
     * A client that went away, as a browser does when it leaves a page with a live feed: there is no one left to
     * answer, and nothing went wrong on this side.
     */
    @ExceptionHandler(AbortedException.class)
    public Mono<Void> clientLeft() {
        return Mono.empty();
    }

    @ExceptionHandler(Throwable.class)
    public ResponseEntity<ProblemDetail> handle(Throwable failure, ServerWebExchange exchange) {
        ProblemDetail problem = translator.translate(failure);
        problem.setInstance(exchange.getRequest().getURI());
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Problems.retryAfter(problem).ifPresent(seconds -> answer.header(HttpHeaders.RETRY_AFTER, seconds));
        return answer.body(problem);
    }
}
