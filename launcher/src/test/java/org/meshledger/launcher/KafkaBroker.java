package org.meshledger.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker in KRaft mode (broker and controller in one), run as a separate process on 127.0.0.1 so a
 * test can kill it and start it again over the same log directory, as a broker restart in production would.
 */
final class KafkaBroker implements AutoCloseable {

    private final ProcessHarness harness;
    private final Path directory;
    private final Path config;
    private final int port;
    private Process process;

    private KafkaBroker(ProcessHarness harness, Path directory, Path config, int port) {
        this.harness = harness;
        this.directory = directory;
        this.config = config;
        this.port = port;
    }

    /** Formats a new single-node cluster in {@code directory} and starts its broker. */
    static KafkaBroker started(ProcessHarness harness, Path directory) throws IOException, InterruptedException {
        int port = ProcessHarness.freePort();
        int controllerPort = ProcessHarness.freePort();
        Files.createDirectories(directory);
        Path config = directory.resolve("server.properties");
        Files.writeString(
                config,
                """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=1
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                """
                        .formatted(
                                port, controllerPort, directory.resolve("logs").toAbsolutePath()));
        Path logging = directory.resolve("logback.xml");
        Files.writeString(
                logging,
                """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %-5level %logger{20} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="out"/></root>
                </configuration>
                """);
        KafkaBroker broker = new KafkaBroker(harness, directory, config, port);
        Process format = broker.run(
                "kafka-format",
                "kafka.tools.StorageTool",
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                config.toString());
        if (format.waitFor() != 0) {
            throw new IllegalStateException("The broker's storage could not be formatted: see target/process-logs");
        }
        broker.start();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Like {@code kill -9}: the broker gets no chance to flush or hand anything over. */
    void kill() throws InterruptedException {
        ProcessHarness.killHard(process);
    }

    /** Starts the broker over its logs; returns once it takes connections. */
    void start() {
        process = run("kafka-broker", "kafka.Kafka", config.toString());
        ProcessHarness.await(Duration.ofSeconds(60), this::listening);
    }

    private Process run(String name, String mainClass, String... args) {
        return harness.start(
                name,
                directory,
                List.of("-Dlogback.configurationFile=" + directory.resolve("logback.xml")),
                mainClass,
                args);
    }

    private boolean listening() {
        if (!process.isAlive()) {
            throw new IllegalStateException("The broker stopped: see target/process-logs/kafka-broker.log");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
        try {
            if (process != null) {
                process.waitFor();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(interrupted));
        }
    }
}
