package org.meshledger.command.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.meshledger.command.product.DataProduct;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps a command's cost flat as a product's history grows: recently used products stay loaded, and a product is
 * snapshotted every {@code snapshot-every} events so a cold load reads one snapshot and a short tail.
 */
@Configuration(proxyBeanMethods = false)
class AggregateConfiguration {

    @Bean
    Cache productCache(@Value("${meshledger.aggregates.cache-size:10000}") long cacheSize) {
        return new AggregateCache(cacheSize);
    }

    /** Products stay loaded between commands, and a loaded product another replica has changed since is reloaded. */
    @Bean
    Repository<DataProduct> productRepository(
            EventStore eventStore,
            Cache productCache,
            SnapshotTriggerDefinition productSnapshotTrigger,
            ParameterResolverFactory parameterResolverFactory,
            HandlerDefinition handlerDefinition) {
        return StoreCheckedCachingRepository.storeCheckedBuilder(DataProduct.class)
                .eventStore(eventStore)
                .cache(productCache)
                .snapshotTriggerDefinition(productSnapshotTrigger)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .build();
    }

    @Bean
    SnapshotTriggerDefinition productSnapshotTrigger(
            Snapshotter snapshotter, @Value("${meshledger.aggregates.snapshot-every:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
