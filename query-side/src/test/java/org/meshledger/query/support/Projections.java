package org.meshledger.query.support;

import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Hands events to projections the way a processor does: through Axon's own handler resolution. */
public final class Projections {

    private Projections() {}

    /**
     * As a pooled processor does: {@code batchSize} events to a unit of work, their view changes written together
     * after the last of them (ViewBatchInterceptor).
     */
    public static void deliverInBatches(
            List<? extends EventMessage<?>> events, int batchSize, MongoTemplate mongo, Object... projections) {
        ViewBatchInterceptor interceptor = new ViewBatchInterceptor(mongo);
        for (Object projection : projections) {
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
            for (int first = 0; first < events.size(); first += batchSize) {
                List<EventMessage<?>> batch =
                        List.copyOf(events.subList(first, Math.min(events.size(), first + batchSize)));
                BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
                ResultMessage<?> result = unitOfWork.executeWithResult(
                        () -> interceptor.handle(unitOfWork, () -> adapter.handle(unitOfWork.getMessage())));
                if (result.isExceptional()) {
                    throw new IllegalStateException(result.exceptionResult());
                }
            }
        }
    }

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
