package org.meshledger.query.config;

import java.time.Duration;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.meshledger.platform.eventstore.EventLogHead;
import org.meshledger.query.support.ProductEventsSeen;
import org.meshledger.query.support.ViewCaches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the product reads' caches ({@code ViewCache}) need to know a kept document is still current: every product
 * event, from the log's tail and from this process's own views' processors, which may store a change before the tail
 * has passed it.
 */
@Configuration(proxyBeanMethods = false)
class ViewCacheConfiguration {

    @Bean
    ProductEventsSeen productEventsSeen() {
        return new ProductEventsSeen();
    }

    @Bean
    ViewCaches viewCaches(
            ProductEventsSeen seen,
            @Value("${meshledger.views.cache.entries:10000}") long entries,
            @Value("${meshledger.views.cache.max-age:30s}") Duration maxAge,
            @Value("${meshledger.views.cache.mesh-products:50000}") int meshProducts) {
        return new ViewCaches(seen, entries, maxAge, meshProducts);
    }

    @Bean
    ProductEventTail productEventTail(
            EventStore eventStore,
            ProductEventsSeen seen,
            EventProcessingConfiguration processing,
            ViewCaches caches,
            EventLogHead log) {
        KeptViewsProgress keptViewsProgress = new KeptViewsProgress(
                caches::keptViews,
                view -> processing
                        .eventProcessor(view, StreamingEventProcessor.class)
                        .map(processor -> processor.processingStatus().values())
                        .orElse(List.of()),
                log);
        return new ProductEventTail(eventStore, seen, keptViewsProgress);
    }

    @Bean
    ConfigurerModule productEventsSeenByViews(ProductEventsSeen seen) {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> (unitOfWork, chain) -> {
                    seen.saw(unitOfWork.getMessage());
                    return chain.proceed();
                });
    }
}
