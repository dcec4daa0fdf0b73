package org.meshledger.query.config;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The source every view's processor reads ({@code source: viewEventSource} in meshledger-views.yml). */
@Configuration(proxyBeanMethods = false)
class ViewProcessingConfiguration {

    @Bean
    ViewEventSource viewEventSource(
            EventStore eventStore, EventStorageEngine engine, @Value("${meshledger.views.nudge:20ms}") Duration nudge) {
        return new ViewEventSource(eventStore, engine, nudge);
    }
}
