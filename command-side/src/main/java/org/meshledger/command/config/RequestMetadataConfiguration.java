package org.meshledger.command.config;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.meshledger.platform.web.RequestMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Carries who asked, for which request and under which idempotency key into every event a command causes. */
@Configuration(proxyBeanMethods = false)
class RequestMetadataConfiguration {

    @Bean
    CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(RequestMetadata.KEYS);
    }
}
