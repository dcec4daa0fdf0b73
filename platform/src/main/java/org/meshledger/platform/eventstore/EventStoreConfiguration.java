package org.meshledger.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
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
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The event store: the ledger's own engine ({@link LedgerEventStorageEngine}) on MongoDB, Jackson for everything it
 * serialises, tokens in the views database.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StoreProperties.class, StoreConnection.class})
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
        if (properties.extensionEngine()) {
            return extensionEngine(mongoClient, properties, transactionManager, serializer);
        }
        return LedgerEventStorageEngine.builder()
                .database(mongoClient.getDatabase(properties.database()))
                .gapTimeout(properties.gapTimeout())
                .batchSize(properties.batchSize())
                .eventSerializer(serializer)
                .snapshotSerializer(snapshotSerializer())
                .build();
    }

    @Bean
    public EventLogHead eventLogHead(EventStorageEngine engine, MongoClient mongoClient, StoreProperties properties) {
        if (engine instanceof LedgerEventStorageEngine ledger) {
            return new EventLogHead() {
                @Override
                public long nextIndex() {
                    return ledger.nextIndex();
                }

                @Override
                public long readThrough(long position) {
                    return ledger.readThrough(position);
                }
            };
        }
        return () -> mongoClient
                .getDatabase(properties.database())
                .getCollection("domainevents")
                .countDocuments();
    }

    /** The peer the ledger's engine is measured against; never the production engine (it can skip events). */
    public static EventStorageEngine extensionEngine(
            MongoClient mongoClient,
            StoreProperties properties,
            TransactionManager transactionManager,
            Serializer serializer) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, properties.database())
                        .build())
                .storageStrategy(new DocumentPerEventStorageStrategy(
                        EventEntryConfiguration.getDefault(), properties.lookBack()))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(properties.batchSize())
                .transactionManager(transactionManager)
                .build();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public MongoClientSettingsBuilderCustomizer storeConnectionBounds(StoreConnection connection) {
        return connection.bounds();
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

    /**
     * A snapshot is the aggregate itself, whose state is private fields without getters: serialise the fields. A
     * snapshot that cannot be read back is ignored and the aggregate is rebuilt from its events.
     */
    public static Serializer snapshotSerializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** Events are forever: reading one written by an older or newer release must not fail on a field it lacks. */
    public static Serializer jacksonSerializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}
