package org.meshledger.query.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KafkaPublishingConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(ObjectMapper.class, ObjectMapper::new)
            .withUserConfiguration(KafkaPublishingConfiguration.class);

    @Test
    void givenNoBrokers_whenTheQuerySideStarts_thenNothingIsPublished() {
        context.run(started -> {
            assertThat(started).doesNotHaveBean(GovernanceEventPublisher.class);
            assertThat(started).doesNotHaveBean(Producer.class);
        });
    }

    @Test
    void givenBrokers_whenTheQuerySideStarts_thenItsPublisherIsThere_withTheDefaultTopic() {
        context.withPropertyValues("meshledger.kafka.bootstrap-servers=127.0.0.1:9")
                .run(started -> {
                    assertThat(started).hasSingleBean(GovernanceEventPublisher.class);
                    assertThat(started.getBean(KafkaSettings.class).topic()).isEqualTo("meshledger.governance");
                });
    }

    @Test
    void givenAnAckTimeoutBelowOneSecond_whenTheQuerySideStarts_thenItRefusesToStart_namingTheSetting() {
        context.withPropertyValues(
                        "meshledger.kafka.bootstrap-servers=127.0.0.1:9", "meshledger.kafka.ack-timeout=100ms")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("meshledger.kafka.ack-timeout"));
    }
}
