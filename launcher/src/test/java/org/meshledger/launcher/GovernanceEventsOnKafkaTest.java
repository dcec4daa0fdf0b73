package org.meshledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meshledger.launcher.ProcessHarness.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.meshledger.platform.testing.TestStore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger publishes every stored event to a real Kafka broker (KRaft, a process of its own): a burst of 1,000
 * events is read back whole from the topic, each product's events in their order, though the broker was killed and
 * restarted in the middle of it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
        classes = MeshLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + MeshLedgerApplication.CONFIG_NAME,
            "meshledger.kafka.topic=governance-under-test",
            "meshledger.kafka.topic-partitions=3"
        })
class GovernanceEventsOnKafkaTest {

    private static final int PRODUCTS = 20;
    private static final int TRANSFERS_EACH = 49;
    private static final int EVENTS = PRODUCTS * (1 + TRANSFERS_EACH);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProcessHarness harness;
    private static KafkaBroker broker;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void storeAndBroker(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        TestStore.register(registry);
        registry.add("meshledger.store.database", () -> "kafka_events");
        registry.add("meshledger.store.views-database", () -> "kafka_views");
        harness = new ProcessHarness(Files.createDirectories(Path.of("target", "process-logs")));
        broker = KafkaBroker.started(harness, Files.createTempDirectory("meshledger-kafka"));
        registry.add("meshledger.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        harness.close();
    }

    @Test
    void
            givenABurstOf1000Events_whenTheBrokerIsKilledAndRestartedMidBurst_thenEveryEventIsOnTheTopic_inOrderPerProduct()
                    throws Exception {
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> burst = new ArrayList<>();
        for (int product = 0; product < PRODUCTS; product++) {
            String id = "kafka.p-" + product;
            burst.add(writers.submit(() -> writeHistoryOf(id, acknowledged)));
        }
        ProcessHarness.await(Duration.ofSeconds(60), () -> acknowledged.get() >= EVENTS / 3);
        broker.kill();
        assertThat(acknowledged.get()).as("the broker was killed mid-burst").isLessThan(EVENTS);
        broker.start();
        for (Future<?> writer : burst) {
            writer.get();
        }
        writers.shutdown();

        Map<String, List<ConsumerRecord<String, byte[]>>> firstCopies = readUntilAllArrived();
        assertThat(firstCopies).hasSize(PRODUCTS);
        firstCopies.forEach((product, records) -> {
            assertThat(records).as("%s's events", product).hasSize(1 + TRANSFERS_EACH);
            assertThat(records.stream().map(record -> header(record, "ce_sequence")))
                    .as("%s's events in their order", product)
                    .containsExactlyElementsOf(sequencesUpTo(TRANSFERS_EACH));
        });

        ConsumerRecord<String, byte[]> transfer = firstCopies.get("kafka.p-0").get(1);
        assertThat(header(transfer, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(transfer, "ce_type")).isEqualTo("org.meshledger.governance.OwnershipTransferred");
        assertThat(header(transfer, "ce_subject")).isEqualTo("kafka.p-0");
        assertThat(header(transfer, "ce_source")).isEqualTo("urn:meshledger");
        assertThat(header(transfer, "ce_actor")).isEqualTo("steward@example.org");
        assertThat(header(transfer, "content-type")).isEqualTo("application/json");
        JsonNode data = JSON.readTree(transfer.value());
        assertThat(data.path("fromTeam").asText()).isEqualTo("team-0");
        assertThat(data.path("toTeam").asText()).isEqualTo("team-1");
    }

    private Void writeHistoryOf(String product, AtomicInteger acknowledged) throws IOException {
        expectStatus(
                post(
                        port,
                        "/api/products",
                        """
                        {"productId":"%s","domain":"kafka","name":"Kafka %s","classification":"DERIVED",
                         "ownerTeam":"team-0"}"""
                                .formatted(product, product)),
                201);
        acknowledged.incrementAndGet();
        for (int transfer = 1; transfer <= TRANSFERS_EACH; transfer++) {
            expectStatus(
                    post(
                            port,
                            "/api/products/" + product + "/ownership-transfers",
                            """
                            {"fromTeam":"team-%d","toTeam":"team-%d","reason":"rotation"}"""
                                    .formatted(transfer - 1, transfer)),
                    200);
            acknowledged.incrementAndGet();
        }
        return null;
    }

    private static void expectStatus(java.net.http.HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    /** Every record of the topic by product, the first copy of each event id only (publishing is at least once). */
    private static Map<String, List<ConsumerRecord<String, byte[]>>> readUntilAllArrived() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, List<ConsumerRecord<String, byte[]>>> byProduct = new LinkedHashMap<>();
        Map<String, Boolean> seen = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            ProcessHarness.await(Duration.ofSeconds(60), () -> !consumer.partitionsFor("governance-under-test")
                    .isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor("governance-under-test").stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (seen.size() < EVENTS && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (seen.putIfAbsent(header(record, "ce_id"), true) == null) {
                        byProduct
                                .computeIfAbsent(record.key(), key -> new ArrayList<>())
                                .add(record);
                    }
                }
            }
        }
        assertThat(seen).as("distinct events on the topic").hasSize(EVENTS);
        return byProduct;
    }

    private static List<String> sequencesUpTo(int last) {
        return java.util.stream.IntStream.rangeClosed(0, last)
                .mapToObj(Integer::toString)
                .collect(Collectors.toList());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
