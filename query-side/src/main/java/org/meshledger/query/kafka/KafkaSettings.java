package org.meshledger.query.kafka;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the ledger publishes its governance events ({@code meshledger.kafka.*}); nothing is published unless
 * {@code bootstrap-servers} is set.
 *
 * @param bootstrapServers the brokers to start from, as Kafka's {@code bootstrap.servers}
 * @param topic the topic every event goes to, keyed by its aggregate (a product's events by the product id)
 * @param topicPartitions how many partitions the topic is made with when the ledger finds it missing
 * @param ackTimeout how long a batch of events waits for the brokers' acknowledgement before it is sent again; under
 *     the 60 s after which Axon interrupts a processor's unit of work
 * @param properties further client settings passed to Kafka as they are (security.protocol, sasl.*, ssl.*, …)
 */
@ConfigurationProperties("meshledger.kafka")
record KafkaSettings(
        String bootstrapServers,
        @DefaultValue("meshledger.governance") String topic,
        @DefaultValue("6") int topicPartitions,
        @DefaultValue("30s") Duration ackTimeout,
        Map<String, String> properties) {

    KafkaSettings {
        if (topicPartitions < 1) {
            throw new IllegalArgumentException("meshledger.kafka.topic-partitions must be at least 1");
        }
        if (ackTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("meshledger.kafka.ack-timeout must be at least 1s");
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
