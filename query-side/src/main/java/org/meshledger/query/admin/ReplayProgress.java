package org.meshledger.query.admin;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts the events each view's processor handles while it replays, against the number of events stored when the
 * replay began: the progress an operator watches.
 */
@Component
public class ReplayProgress {

    private final Map<String, AtomicLong> handled = new ConcurrentHashMap<>();
    private final Map<String, Long> expected = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    @Autowired
    void countReplayedEvents(EventProcessingConfigurer processing) {
        for (String view : ProjectionAdmin.VIEWS) {
            processing.registerHandlerInterceptor(view, configuration -> counter(view));
        }
    }

    void started(String view, long eventsStored) {
        expected.put(view, Math.max(1, eventsStored));
        handled.put(view, new AtomicLong());
        pending.add(view);
    }

    /**
     * A replay asked for counts as running until the processor has claimed its segments again and none of them is
     * replaying any more (before the claims, the processor cannot say).
     */
    boolean replaying(String view, boolean processorReplaying, boolean segmentsClaimed) {
        if (segmentsClaimed && !processorReplaying) {
            pending.remove(view);
        }
        return processorReplaying || pending.contains(view);
    }

    /** 0 at the start of a replay, 1 when it is done (or when none was ever asked for). */
    double progress(String view, boolean replaying) {
        if (!replaying) {
            return 1.0;
        }
        long done = handled.getOrDefault(view, new AtomicLong()).get();
        return Math.min(0.99, (double) done / expected.getOrDefault(view, 1L));
    }

    private MessageHandlerInterceptor<org.axonframework.eventhandling.EventMessage<?>> counter(String view) {
        return (unitOfWork, chain) -> {
            if (ReplayToken.isReplay(unitOfWork.getMessage())) {
                handled.computeIfAbsent(view, name -> new AtomicLong()).incrementAndGet();
            }
            return chain.proceed();
        };
    }
}
