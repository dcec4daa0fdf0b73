package org.meshledger.platform.web;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Axon handlers and the sync Mongo driver block; this keeps them off the event loop. A caller that goes away does
 * not interrupt the work: an interrupted driver call fails for everyone waiting on the same connection pool.
 */
public final class Blocking {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS =
            Executors.newFixedThreadPool(Math.max(16, 8 * Runtime.getRuntime().availableProcessors()), work -> {
                Thread thread = new Thread(work, "meshledger-blocking-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private Blocking() {}

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.deferContextual(context -> offTheEventLoop(work)
                .publishOn(context.getOrDefault(EventLoopContinuation.EVENT_LOOP, Schedulers.immediate())));
    }

    private static <T> Mono<T> offTheEventLoop(Callable<T> work) {
        return Mono.fromFuture(
                () -> CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return work.call();
                            } catch (RuntimeException failure) {
                                throw failure;
                            } catch (Exception failure) {
                                throw new CompletionException(failure);
                            }
                        },
                        WORKERS),
                true);
    }
}
