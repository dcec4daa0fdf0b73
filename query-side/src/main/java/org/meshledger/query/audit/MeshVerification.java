package org.meshledger.query.audit;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.meshledger.platform.audit.ChainVerifier;
import org.meshledger.platform.web.Blocking;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every aggregate's chain (products and teams) verified one after another, a line as each is checked and a summary
 * line last: streamed to the API as NDJSON and to the console as its progress bar.
 */
@Component
public class MeshVerification {

    private final ChainVerifier verifier;

    MeshVerification(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    public Flux<MeshProgress> run() {
        AtomicInteger broken = new AtomicInteger();
        return Blocking.call(() -> List.copyOf(verifier.aggregates()))
                .flatMapMany(aggregates -> Flux.fromIterable(aggregates)
                        .index()
                        .concatMap(numbered -> Blocking.call(
                                        () -> verifier.verify(numbered.getT2()).orElseThrow())
                                .map(verdict -> MeshProgress.of(verdict, numbered.getT1() + 1, aggregates.size())))
                        .doOnNext(progress -> {
                            if (!progress.ok()) {
                                broken.incrementAndGet();
                            }
                        })
                        .concatWith(Mono.fromSupplier(() -> MeshProgress.summary(aggregates.size(), broken.get()))));
    }
}
