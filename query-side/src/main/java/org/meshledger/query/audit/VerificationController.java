package org.meshledger.query.audit;

import jakarta.validation.constraints.Pattern;
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
    private final MeshVerification mesh;

    VerificationController(ChainVerifier verifier, Checkpoints checkpoints, MeshVerification mesh) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.mesh = mesh;
    }

    @GetMapping("/api/audit/products/{productId}/verify")
    Mono<ChainVerdict> product(@PathVariable @Pattern(regexp = Ids.PRODUCT_ID) String productId) {
        return Blocking.call(() -> verifier.verify(productId).orElseThrow(() -> NotFound.product(productId)));
    }

    /** Every aggregate (products and teams), one line each as it is checked, then a summary line. */
    @GetMapping(value = "/api/audit/verify", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<MeshProgress> mesh() {
        return mesh.run();
    }

    @GetMapping("/api/audit/checkpoints/latest")
    Mono<SignedCheckpoint> latestCheckpoint() {
        return Blocking.call(() -> checkpoints
                .export()
                .orElseThrow(() -> new NotFound("NO_CHECKPOINT", "No checkpoint has been taken yet")));
    }
}
