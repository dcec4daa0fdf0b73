package org.meshledger.platform.web;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** The one place where a failure inside a controller becomes an HTTP problem. */
@RestControllerAdvice
public class ProblemAdvice {

    private final ProblemTranslator translator;

    public ProblemAdvice(ProblemTranslator translator) {
        this.translator = translator;
    }

    @ExceptionHandler(Throwable.class)
    public ResponseEntity<ProblemDetail> handle(Throwable failure, ServerWebExchange exchange) {
        ProblemDetail problem = translator.translate(failure);
        problem.setInstance(exchange.getRequest().getURI());
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
