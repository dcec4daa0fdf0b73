package org.meshledger.query.notifications;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work done again and again on a thread of its own while the application runs. A failed round is logged and the next
 * one tries again: what it works on is kept in the store, and the store may be away for a moment.
 */
abstract class Repeated implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Repeated.class);

    private final String name;
    private final Duration every;
    private ScheduledExecutorService rounds;

    Repeated(String name, Duration every) {
        this.name = name;
        this.every = every;
    }

    /** One round of the work. */
    abstract void round();

    @Override
    public void start() {
        rounds = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::safeRound, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeRound() {
        try {
            round();
        } catch (RuntimeException failed) {
            if (rounds.isShutdown()) {
                return; // stopped mid-round, as the application shuts down
            }
            log.warn("{} did not complete a round, and tries again: {}", name, failed.toString());
        }
    }

    @Override
    public void stop() {
        if (rounds != null) {
            rounds.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return rounds != null && !rounds.isShutdown();
    }
}
