package org.meshledger.query.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Governance events on Kafka, only where {@code meshledger.kafka.bootstrap-servers} is set: off by default. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "meshledger.kafka.bootstrap-servers")
@EnableConfigurationProperties(KafkaSettings.class)
class KafkaPublishingConfiguration {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** Closed by {@link #closeProducerWithin} instead, which bounds the wait. */
    @Bean(destroyMethod = "")
    Producer<String, CloudEvent> governanceEventProducer(KafkaSettings settings, MeterRegistry meters) {
        Map<String, Object> config = clientConfig(settings);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "meshledger-governance-publisher");
        // at least once and in order per key: every replica in sync has it, and a retried send is never doubled
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                settings.ackTimeout().toMillis());
        // Kafka asks that a send's whole time cover at least one request and the linger
        config.put(
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) settings.ackTimeout().toMillis() / 2);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // binary mode: the attributes as ce_* headers, the event's JSON as the record's value
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(config);
        new KafkaClientMetrics(producer).bindTo(meters);
        return producer;
    }

    /**
     * A stopping process waits a little for what is in flight, not for the brokers to come back: whatever was not
     * acknowledged is sent again from the last token at the next start.
     */
    @Bean
    DisposableBean closeProducerWithin(Producer<String, CloudEvent> governanceEventProducer) {
        return () -> governanceEventProducer.close(CLOSE_TIMEOUT);
    }

    @Bean(destroyMethod = "")
    Admin governanceTopicAdmin(KafkaSettings settings) {
        Map<String, Object> config = clientConfig(settings);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "meshledger-governance-topic");
        return Admin.create(config);
    }

    @Bean
    DisposableBean closeAdminWithin(Admin governanceTopicAdmin) {
        return () -> governanceTopicAdmin.close(CLOSE_TIMEOUT);
    }

    @Bean
    GovernanceEventPublisher governanceEventPublisher(
            Producer<String, CloudEvent> governanceEventProducer,
            Admin governanceTopicAdmin,
            KafkaSettings settings,
            ObjectMapper json,
            @Value("${meshledger.notifications.source:urn:meshledger}") URI source) {
        return new GovernanceEventPublisher(
                governanceEventProducer,
                new GovernanceTopic(governanceTopicAdmin, settings.topic(), settings.topicPartitions()),
                new GovernanceCloudEvents(json, source),
                settings.ackTimeout());
    }

    /**
     * A send that fails must fail its batch, not be logged and skipped (Axon's default for a handler's exception):
     * the processor then releases its segment, claims it again after a pause and sends the batch again.
     */
    @Bean
    ConfigurerModule publishingFailuresRetryTheBatch() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        GovernanceEventPublisher.NAME, configuration -> PropagatingErrorHandler.instance())
                .registerErrorHandler(
                        GovernanceEventPublisher.NAME, configuration -> PropagatingErrorHandler.instance());
    }

    private static Map<String, Object> clientConfig(KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>(settings.properties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return config;
    }
}
