package org.meshledger.platform.web;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * Reads request bodies so that a refused request still leaves its connection usable: the client gets its answer
 * instead of a reset while it is still sending. Past {@link #DRAIN_LIMIT} a body is not worth reading to the end.
 */
public final class RequestBodies {

    public static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private RequestBodies() {}

    /** The whole body, or empty when it has more than {@code limit} bytes (what follows is read and dropped). */
    public static Mono<Optional<byte[]>> readAtMost(ServerHttpRequest request, long limit) {
        return Mono.defer(() -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            long[] seen = {0};
            return request.getBody()
                    .takeWhile(buffer -> seen[0] <= DRAIN_LIMIT || release(buffer))
                    .doOnNext(buffer -> {
                        seen[0] += buffer.readableByteCount();
                        if (seen[0] <= limit) {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            kept.writeBytes(bytes);
                        }
                        DataBufferUtils.release(buffer);
                    })
                    .then(Mono.fromSupplier(
                            () -> seen[0] <= limit ? Optional.of(kept.toByteArray()) : Optional.empty()));
        });
    }

    /** Reads and drops what is left of the body (a body already read, or too large to be worth it, is left). */
    public static Mono<Void> drain(ServerHttpRequest request) {
        if (!hasBody(request)) {
            return Mono.empty();
        }
        return readAtMost(request, 0).onErrorResume(alreadyRead -> Mono.empty()).then();
    }

    /**
     * Whether the request announced a body. Subscribing to the body of one that did not (a GET) is not only useless:
     * on a kept-alive connection it can wait for input that belongs to the next request, and the answer never goes.
     */
    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().getContentLength() > 0
                || request.getHeaders().containsKey(org.springframework.http.HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean release(DataBuffer buffer) {
        DataBufferUtils.release(buffer);
        return false;
    }
}
