package org.meshledger.query.config;

import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

    /** Every view's processor reads and writes its documents a batch at a time (see ViewBatch). */
    @Bean
    @ConditionalOnProperty(name = "meshledger.views.batch-writes", havingValue = "true", matchIfMissing = true)
    ConfigurerModule viewBatches(MongoTemplate mongo) {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> new ViewBatchInterceptor(mongo));
    }
}
