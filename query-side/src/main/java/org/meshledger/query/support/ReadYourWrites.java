package org.meshledger.query.support;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.meshledger.platform.web.Blocking;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/**
 * {@code ?minVersion=n}: wait, bounded, until a product's view has applied its event {@code n}, so a caller that
 * just wrote reads its own write. When time runs out the view is answered as it is, with 202.
 */
public final class ReadYourWrites {

    public static final Duration MAX_WAIT = Duration.ofSeconds(5);
    // looks again whenever this process stores view changes; a change another replica stores is found by polling,
    // from 5 ms, doubling to 40 ms: a wait costs the store at most 25 reads a second
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long LONGEST_PAUSE_MILLIS = 40;

    private ReadYourWrites() {}

    /** Empty when there is no view at all (the caller answers 404). */
    public static <V, B> Mono<ResponseEntity<B>> answer(
            Supplier<Optional<V>> load, ToLongFunction<V> versionOf, Long minVersion, Function<V, B> body) {
        Mono<Optional<V>> attempt = Blocking.call(load::get);
        Mono<Optional<V>> view = minVersion == null
                ? attempt
                : attempt.filter(found -> found.isPresent() && versionOf.applyAsLong(found.get()) >= minVersion)
                        .repeatWhenEmpty(looks -> looks.concatMap(look ->
                                ViewsStored.next().or(Mono.delay(pause(look)).map(elapsed -> Boolean.TRUE))))
                        .timeout(MAX_WAIT, attempt);
        return view.flatMap(Mono::justOrEmpty).map(found -> {
            boolean behind = minVersion != null && versionOf.applyAsLong(found) < minVersion;
            return ResponseEntity.status(behind ? HttpStatus.ACCEPTED : HttpStatus.OK)
                    .body(body.apply(found));
        });
    }

    /**
     * As {@link #answer(Supplier, ToLongFunction, Long, Function)}, from {@code cache} while the document kept there is
     * current and at {@code minVersion}: without the hop to a blocking thread and the store's round trip.
     */
    public static <V, B> Mono<ResponseEntity<B>> answer(
            ViewCache<V> cache, String productId, Supplier<Optional<V>> load, Long minVersion, Function<V, B> body) {
        Optional<V> kept = cache.current(productId, minVersion);
        if (kept.isPresent()) {
            return Mono.fromSupplier(() -> ResponseEntity.ok(body.apply(kept.get())));
        }
        return answer(() -> cache.read(productId, load), cache.versionOf(), minVersion, body);
    }

    private static Duration pause(long look) {
        return Duration.ofMillis(Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(look, 10)));
    }
}
