package org.meshledger.query.support;

import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/** Hands events to projections the way a processor does: through Axon's own handler resolution. */
public final class Projections {

    private Projections() {}

    public static void deliver(List<? extends EventMessage<?>> events, Object... projections) {
        for (Object projection : projections) {
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
            for (EventMessage<?> event : events) {
                DefaultUnitOfWork.startAndGet(event).execute(() -> {
                    try {
                        adapter.handle(event);
                    } catch (Exception failure) {
                        throw new IllegalStateException(failure);
                    }
                });
            }
        }
    }
}
