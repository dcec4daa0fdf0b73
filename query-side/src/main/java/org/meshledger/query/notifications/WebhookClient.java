package org.meshledger.query.notifications;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.meshledger.api.error.RuleViolation;
import org.meshledger.platform.notifications.WebhookTargets;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/**
 * POSTs a notification and says what came back. Redirects are not followed (a receiver could point the ledger
 * anywhere with one), at most 64 KiB of an answer is read, and whatever does not answer within the timeout counts as
 * no answer.
 */
final class WebhookClient implements AutoCloseable {

    static final int MOST_ANSWER_BYTES = 64 * 1024;

    /** What the receiver answered: {@code statusCode} null where no answer came, {@code error} null on a 2xx. */
    record Answer(Integer statusCode, long latencyMs, String error) {

        boolean received() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        boolean gone() {
            return statusCode != null && statusCode == 410;
        }
    }

    private final ConnectionProvider connections;
    private final HttpClient http;
    private final Duration timeout;

    WebhookClient(WebhookTargets targets, Duration timeout) {
        this.timeout = timeout;
        this.connections = ConnectionProvider.builder("webhooks")
                .maxConnections(512)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.http = HttpClient.create(connections)
                .resolver(new CheckedAddresses(targets))
                .followRedirect(false)
                .responseTimeout(timeout)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis());
    }

    Mono<Answer> post(URI target, Map<String, String> headers, String body) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            AtomicLong read = new AtomicLong();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            // a length, not chunks: receivers that read a body by its Content-Length (most do) get all of it
            return http.headers(sent -> {
                        headers.forEach(sent::set);
                        sent.set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
                    })
                    .post()
                    .uri(target)
                    .send(ByteBufMono.fromString(Mono.just(body)))
                    .response((response, content) -> content.map(chunk -> read.addAndGet(chunk.readableBytes()))
                            .takeUntil(total -> total >= MOST_ANSWER_BYTES)
                            .then(Mono.just(response.status().code())))
                    .next()
                    .timeout(timeout)
                    .map(status -> answered(status, started))
                    .onErrorResume(failure -> Mono.just(new Answer(null, millisSince(started), describe(failure))));
        });
    }

    private static Answer answered(int status, long started) {
        boolean received = status >= 200 && status < 300;
        return new Answer(status, millisSince(started), received ? null : "The receiver answered " + status);
    }

    private String describe(Throwable failure) {
        if (failure instanceof RuleViolation refused) {
            return refused.getMessage();
        }
        if (failure instanceof TimeoutException || failure instanceof ReadTimeoutException) {
            return "No answer within " + timeout.toSeconds() + " s";
        }
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            return "The receiver could not be reached: " + failure.getMessage();
        }
        if (failure instanceof PrematureCloseException) {
            return "The receiver closed the connection before answering";
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void close() {
        connections.dispose();
    }
}
