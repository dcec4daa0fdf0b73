package org.meshledger.command.audit;

import java.net.URI;
import java.time.Clock;
import org.meshledger.platform.audit.Checkpoints;
import org.meshledger.platform.audit.Checkpoints.Checkpoint;
import org.meshledger.platform.web.Blocking;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A checkpoint on demand (stewards), e.g. just before an auditor exports one. */
@RestController
class CheckpointController {

    private final Checkpoints checkpoints;
    private final Clock clock;

    CheckpointController(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.clock = Clock.systemUTC();
    }

    @PostMapping("/api/audit/checkpoints")
    Mono<ResponseEntity<Checkpoint>> take() {
        return Blocking.call(() -> checkpoints.take(clock.instant()))
                .map(taken -> ResponseEntity.created(URI.create("/api/audit/checkpoints/latest"))
                        .body(taken));
    }
}
