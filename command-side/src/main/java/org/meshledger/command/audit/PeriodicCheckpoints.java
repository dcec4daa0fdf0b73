package org.meshledger.command.audit;

import java.time.Clock;
import org.meshledger.platform.audit.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Takes a checkpoint every {@code meshledger.audit.checkpoint-interval} (one hour by default). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PeriodicCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(PeriodicCheckpoints.class);

    private final Checkpoints checkpoints;

    PeriodicCheckpoints(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(
            initialDelayString = "${meshledger.audit.checkpoint-interval:PT1H}",
            fixedDelayString = "${meshledger.audit.checkpoint-interval:PT1H}")
    void take() {
        try {
            var taken = checkpoints.take(Clock.systemUTC().instant());
            log.info(
                    "Checkpoint {} taken: {} aggregates, digest {}",
                    taken.number(),
                    taken.aggregates(),
                    taken.digest());
        } catch (RuntimeException failed) {
            log.warn("Checkpoint failed; the next one will cover what this one missed", failed);
        }
    }
}
