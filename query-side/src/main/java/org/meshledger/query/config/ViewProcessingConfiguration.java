package org.meshledger.query.config;

import java.time.Duration;
import java.util.Map;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.meshledger.query.support.ViewBatchInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The source every view's processor reads ({@code source: viewEventSource} in meshledger-views.yml). */
@Configuration(proxyBeanMethods = false)
class ViewProcessingConfiguration {

    @Bean
    ViewEventSource viewEventSource(
            EventStore eventStore, EventStorageEngine engine, @Value("${meshledger.views.nudge:20ms}") Duration nudge) {
        return new ViewEventSource(eventStore, engine, nudge);
    }

    /**
     * Views send no messages, so there is nothing to correlate. Without a provider of its own Axon registers its
     * MessageOriginProvider, which is asked about every event a view handles and reads (deserialises) the event's
     * metadata each time: a twentieth of a catch-up, for data nothing uses.
     */
    @Bean
    CorrelationDataProvider viewsCorrelateNothing() {
        return message -> Map.of();
    }

    /**
     * A view handler that fails fails its batch: the processor releases the segment and handles the batch again from
     * its token after a pause, until it succeeds. Axon's default logs the failure and moves the token past the event,
     * and since later events raise the view's version, nothing would ever repair the view.
     */
    @Bean
    ConfigurerModule failingViewHandlersRetryTheirBatch() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /** Every view's processor reads and writes its documents a batch at a time (see ViewBatch). */
    @Bean
    @ConditionalOnProperty(name = "meshledger.views.batch-writes", havingValue = "true", matchIfMissing = true)
    ConfigurerModule viewBatches(MongoTemplate mongo) {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> new ViewBatchInterceptor(mongo));
    }
}
