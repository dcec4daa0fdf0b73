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
    private static final Duration POLL = Duration.ofMillis(5);

    private ReadYourWrites() {}

    /** Empty when there is no view at all (the caller answers 404). */
    public static <V, B> Mono<ResponseEntity<B>> answer(
            Supplier<Optional<V>> load, ToLongFunction<V> versionOf, Long minVersion, Function<V, B> body) {
        Mono<Optional<V>> attempt = Blocking.call(load::get);
        Mono<Optional<V>> view = minVersion == null
                ? attempt
                : attempt.filter(found -> found.isPresent() && versionOf.applyAsLong(found.get()) >= minVersion)
                        .repeatWhenEmpty(repeats -> repeats.delayElements(POLL))
                        .timeout(MAX_WAIT, attempt);
        return view.flatMap(Mono::justOrEmpty).map(found -> {
            boolean behind = minVersion != null && versionOf.applyAsLong(found) < minVersion;
            return ResponseEntity.status(behind ? HttpStatus.ACCEPTED : HttpStatus.OK)
                    .body(body.apply(found));
        });
    }
}
