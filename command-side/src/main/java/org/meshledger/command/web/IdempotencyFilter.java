package org.meshledger.command.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.meshledger.api.error.ErrorCode;
import org.meshledger.command.web.IdempotencyRecords.StoredRequest;
import org.meshledger.command.web.IdempotencyRecords.StoredResponse;
import org.meshledger.platform.web.Blocking;
import org.meshledger.platform.web.ProblemWriter;
import org.meshledger.platform.web.Problems;
import org.meshledger.platform.web.RequestBodies;
import org.meshledger.platform.web.RequestMetadata;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key}: the first answer to a key is stored before it is sent, and a repeat of the same request
 * gets that answer again without running the command. The same key with another request is refused.
 */
@Component
public class IdempotencyFilter implements WebFilter, Ordered {

    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);
    private static final int MAX_KEY_LENGTH = 128;

    private final IdempotencyRecords records;
    private final ProblemWriter problems;
    private final DataSize bodyLimit;

    public IdempotencyFilter(
            IdempotencyRecords records,
            ProblemWriter problems,
            @Value("${meshledger.limits.request-body:1MB}") DataSize bodyLimit) {
        this.records = records;
        this.problems = problems;
        this.bodyLimit = bodyLimit;
    }

    /** After security: a key is only looked at for a caller who may make the request at all. */
    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(RequestMetadata.IDEMPOTENCY_HEADER);
        if (key == null || !WRITES.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return problems.write(
                    exchange,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "INVALID_IDEMPOTENCY_KEY",
                            "Invalid Idempotency-Key",
                            "Idempotency-Key must hold 1 to %d characters".formatted(MAX_KEY_LENGTH)));
        }
        return RequestBodies.readAtMost(exchange.getRequest(), bodyLimit.toBytes())
                .flatMap(body -> body.isEmpty()
                        ? problems.write(exchange, tooLarge())
                        : exchange.getPrincipal()
                                .flatMap(caller -> handle(exchange, chain, caller.getName() + "\n" + key, body.get())));
    }

    private Mono<Void> handle(ServerWebExchange exchange, WebFilterChain chain, String recordId, byte[] body) {
        String hash = hash(exchange.getRequest(), body);
        return Blocking.call(() -> records.claimOrFind(recordId, hash, Instant.now()))
                .flatMap(earlier -> earlier.isPresent()
                        ? answerRepeat(exchange, earlier.get(), hash)
                        : runFirst(exchange, chain, recordId, body));
    }

    private Mono<Void> answerRepeat(ServerWebExchange exchange, StoredRequest earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            return problems.write(
                    exchange,
                    Problems.of(
                            HttpStatus.UNPROCESSABLE_ENTITY,
                            ErrorCode.IDEMPOTENCY_KEY_REUSED.name(),
                            ErrorCode.IDEMPOTENCY_KEY_REUSED.title(),
                            "This Idempotency-Key was first used with another request; use a new key for a new request"));
        }
        if (earlier.response().isEmpty()) {
            return problems.write(
                    exchange,
                    Problems.of(
                            HttpStatus.CONFLICT,
                            ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT.name(),
                            ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT.title(),
                            "The first request with this Idempotency-Key is still running; retry shortly"));
        }
        StoredResponse stored = earlier.response().get();
        ServerHttpResponse response = exchange.getResponse();
        response.setRawStatusCode(stored.status());
        HttpHeaders headers = response.getHeaders();
        if (stored.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, stored.contentType());
        }
        if (stored.location() != null) {
            headers.set(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            headers.set(HttpHeaders.ETAG, stored.etag());
        }
        headers.set("Idempotent-Replayed", "true");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(stored.body())));
    }

    private Mono<Void> runFirst(ServerWebExchange exchange, WebFilterChain chain, String recordId, byte[] body) {
        ServerHttpRequest replayedBody = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        ServerHttpResponse recording = new RecordingResponse(exchange.getResponse(), recordId);
        return chain.filter(exchange.mutate()
                        .request(replayedBody)
                        .response(recording)
                        .build())
                .onErrorResume(failure -> Blocking.call(() -> {
                            records.release(recordId);
                            return true;
                        })
                        .then(Mono.error(failure)));
    }

    private ProblemDetail tooLarge() {
        return Problems.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "REQUEST_TOO_LARGE",
                "Request body too large",
                "The body is larger than %d bytes".formatted(bodyLimit.toBytes()));
    }

    private static byte[] drain(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    private static String hash(ServerHttpRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod().name() + " " + request.getURI().getRawPath() + "?"
                            + request.getURI().getRawQuery() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Stores the answer under the key before any byte of it reaches the client. */
    private final class RecordingResponse extends ServerHttpResponseDecorator {

        private final String recordId;

        RecordingResponse(ServerHttpResponse delegate, String recordId) {
            super(delegate);
            this.recordId = recordId;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return DataBufferUtils.join(Flux.from(body)).flatMap(buffer -> {
                byte[] bytes = drain(buffer);
                return Blocking.call(() -> {
                            store(bytes);
                            return true;
                        })
                        .then(getDelegate().writeWith(Mono.just(bufferFactory().wrap(bytes))));
            });
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return writeWith(Flux.from(body).flatMapSequential(part -> part));
        }

        private void store(byte[] bytes) {
            int status = getStatusCode() == null ? 200 : getStatusCode().value();
            if (status >= 500) {
                records.release(recordId);
                return;
            }
            HttpHeaders headers = getHeaders();
            records.complete(
                    recordId,
                    new StoredResponse(
                            status,
                            headers.getFirst(HttpHeaders.CONTENT_TYPE),
                            headers.getFirst(HttpHeaders.LOCATION),
                            headers.getFirst(HttpHeaders.ETAG),
                            bytes));
        }
    }
}
