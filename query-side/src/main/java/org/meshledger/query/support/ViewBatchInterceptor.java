package org.meshledger.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Wraps each event a view's processor handles: the batch's view changes are collected from its first event and
 * written after its last, inside the batch's unit of work, so a failed write rolls the batch back with its token.
 */
public final class ViewBatchInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final MongoTemplate mongo;

    public ViewBatchInterceptor(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!(unitOfWork instanceof BatchingUnitOfWork<? extends EventMessage<?>> batch)) {
            return interceptorChain.proceed();
        }
        ViewBatch views = ViewBatch.openIn(batch, mongo, batch::getMessages);
        Object result = interceptorChain.proceed();
        // counted rather than compared: a handler may replace the message it was given (transformMessage)
        if (views.handledAll() || batch.isLastMessage()) {
            ViewBatch.closeIn(batch);
            views.flush();
        }
        return result;
    }
}
