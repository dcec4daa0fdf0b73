package org.meshledger.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a problem straight to the response, for refusals made before a controller is reached (filters). */
@Component
public class ProblemWriter {

    private final ObjectMapper objectMapper;

    public ProblemWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        problem.setInstance(exchange.getRequest().getURI());
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Problems.retryAfter(problem).ifPresent(seconds -> response.getHeaders().set(HttpHeaders.RETRY_AFTER, seconds));
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException impossible) {
            return Mono.error(impossible);
        }
        // A refusal made before the body was read still reads it, so the client's connection stays usable.
        return RequestBodies.drain(exchange.getRequest())
                .then(Mono.defer(() ->
                        response.writeWith(Mono.just(response.bufferFactory().wrap(body)))));
    }
}
