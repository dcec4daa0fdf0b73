package org.meshledger.platform.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.meshledger.platform.web.RequestMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The event store for now: the Axon Mongo extension's engine, one document per event, Jackson for everything it
 * serialises. Every piece of its wiring is here so that replacing the engine touches one class.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class EventStoreConfiguration {

    @Bean
    @Primary
    public Serializer serializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jacksonSerializer();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(
            MongoClient mongoClient, StoreProperties properties, TransactionManager transactionManager) {
        Serializer serializer = jacksonSerializer();
        return MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, properties.database())
                        .build())
                .storageStrategy(new DocumentPerEventStorageStrategy(
                        EventEntryConfiguration.getDefault(), properties.lookBack()))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .transactionManager(transactionManager)
                .build();
    }

    @Bean
    public EventStore eventStore(EventStorageEngine storageEngine, StoreProperties properties, Configuration axon) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(properties.fetchDelay().toMillis())
                .build();
    }

    @Bean
    public TokenStore tokenStore(MongoClient mongoClient, StoreProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, properties.viewsDatabase())
                        .build())
                .serializer(jacksonSerializer())
                .build();
    }

    /** Carries who asked, for which request and under which idempotency key into every event a command causes. */
    @Bean
    public CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(RequestMetadata.KEYS);
    }

    /** Events are forever: reading one written by an older or newer release must not fail on a field it lacks. */
    static Serializer jacksonSerializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
