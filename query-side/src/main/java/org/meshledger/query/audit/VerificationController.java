package org.meshledger.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.meshledger.api.model.Ids;
import org.meshledger.platform.audit.ChainVerdict;
import org.meshledger.platform.audit.ChainVerifier;
import org.meshledger.platform.audit.Checkpoints;
import org.meshledger.platform.audit.SignedCheckpoint;
import org.meshledger.platform.web.Blocking;
import org.meshledger.query.support.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Proof that the history was not edited: each chain re-computed, and its end compared with the latest checkpoint. */
@RestController
class VerificationController {

    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;

    VerificationController(ChainVerifier verifier, Checkpoints checkpoints) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/api/audit/products/{productId}/verify")
    Mono<ChainVerdict> product(@PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId) {
        return Blocking.call(() -> verifier.verify(productId).orElseThrow(() -> NotFound.product(productId)));
    }

    /** Every aggregate (products and teams), one line each as it is checked, then a summary line. */
    @GetMapping(value = "/api/audit/verify", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<MeshProgress> mesh() {
        AtomicInteger broken = new AtomicInteger();
        return Blocking.call(() -> List.copyOf(verifier.aggregates()))
                .flatMapMany(aggregates -> Flux.fromIterable(aggregates)
                        .index()
                        .concatMap(numbered -> Blocking.call(() -> verifier.verify(numbered.getT2()))
                                .map(verdict -> MeshProgress.of(verdict, numbered.getT1() + 1, aggregates.size())))
                        .doOnNext(progress -> {
                            if (!progress.ok()) {
                                broken.incrementAndGet();
                            }
                        })
                        .concatWith(Mono.fromSupplier(() -> MeshProgress.summary(aggregates.size(), broken.get()))));
    }

    @GetMapping("/api/audit/checkpoints/latest")
    Mono<SignedCheckpoint> latestCheckpoint() {
        return Blocking.call(() -> checkpoints
                .export()
                .orElseThrow(() -> new NotFound("NO_CHECKPOINT", "No checkpoint has been taken yet")));
    }

    /** A progress line names one aggregate; the last line has {@code done} and the counts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MeshProgress(
            Long position,
            Integer of,
            String aggregateId,
            boolean ok,
            Long checked,
            Long firstBrokenSequence,
            String problem,
            Boolean done,
            Integer verified,
            Integer broken) {

        static MeshProgress of(java.util.Optional<ChainVerdict> found, long position, int of) {
            ChainVerdict verdict = found.orElseThrow();
            return new MeshProgress(
                    position,
                    of,
                    verdict.aggregateId(),
                    verdict.ok(),
                    verdict.checked(),
                    verdict.firstBrokenSequence(),
                    verdict.problem(),
                    null,
                    null,
                    null);
        }

        static MeshProgress summary(int aggregates, int broken) {
            return new MeshProgress(null, null, null, broken == 0, null, null, null, true, aggregates - broken, broken);
        }
    }
}
