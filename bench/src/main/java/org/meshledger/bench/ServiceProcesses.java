package org.meshledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/** The store and the services as separate JVMs, as they run in production, each logging to a file of its own. */
final class ServiceProcesses implements AutoCloseable {

    private static final String SERVICE_HEAP = "1g";

    private final Path logs;
    private final Client client;
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final List<Path> scratch = new ArrayList<>();

    ServiceProcesses(Path logs, Client client) throws IOException {
        this.logs = Files.createDirectories(logs);
        this.client = client;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * A product service, started with the image's JVM options, and with its heap fixed at {@link #SERVICE_HEAP} from
     * the start: a heap left to grow from a small initial size was kept near 160 MB under the read load, collected
     * twice as often, and gave a p99 1.5 to 11 ms higher in alternating rounds on the same machine
     * (bench/README.md).
     */
    Process startService(String name, String mainClass, List<String> args) throws IOException {
        // the benchmark calls with the development tokens, which a service accepts only when told; it measures what
        // a service can take, which one caller's allowance (meshledger.rate-limits) would cap at far less
        List<String> evaluation = new ArrayList<>(
                List.of("--meshledger.security.development-tokens=true", "--meshledger.rate-limits.enabled=false"));
        evaluation.addAll(args);
        return start(
                name,
                List.of("@" + serviceOptions(), "-Xms" + SERVICE_HEAP, "-Xmx" + SERVICE_HEAP),
                mainClass,
                evaluation);
    }

    /** The JVM options the product's image starts every service with: the services are measured as deployed. */
    private static Path serviceOptions() {
        Path options = Path.of("deploy", "service.jvm.options").toAbsolutePath();
        if (!Files.isRegularFile(options)) {
            throw new IllegalStateException(options + " not found: run the bench from the repository (bench/run)");
        }
        return options;
    }

    /** The embedded store: infrastructure, and the baseline of the append ratio, so its JVM options stay as they were. */
    Process startStore(String mainClass, List<String> args) throws IOException {
        return start("store", List.of("-Xmx4g"), mainClass, args);
    }

    private Process start(String name, List<String> heapOptions, String mainClass, List<String> args)
            throws IOException {
        if (running.containsKey(name)) {
            // the name keys its log file too
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true"));
        command.addAll(heapOptions);
        // e.g. a flight recording of every service: -XX:StartFlightRecording=filename=/tmp/recordings/
        String extraOptions = System.getenv("MESHLEDGER_BENCH_JVM_OPTIONS");
        if (extraOptions != null && !extraOptions.isBlank()) {
            command.addAll(List.of(extraOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile())
                .start();
        running.put(name, process);
        return process;
    }

    void awaitHealthy(int port, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (client.status(port, "/actuator/health") == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Service on port " + port + " not healthy within " + limit);
    }

    static void awaitPort(int port, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Nothing listening on port " + port + " within " + limit);
    }

    void stop(Process process) throws InterruptedException {
        process.destroy();
        process.waitFor();
        running.values().remove(process);
    }

    /** The services running now, by name: what {@link CpuShares} measures. */
    Map<String, ProcessHandle> running() {
        Map<String, ProcessHandle> handles = new LinkedHashMap<>();
        running.forEach((name, process) -> handles.put(name, process.toHandle()));
        return handles;
    }

    /** The JVM doing a phase's work and the store it asks (when the bench started one): whose steady state counts. */
    Map<String, ProcessHandle> withStore(String name, ProcessHandle jvm) {
        Map<String, ProcessHandle> serving = new LinkedHashMap<>();
        serving.put(name, jvm);
        Process store = running.get("store");
        if (store != null) {
            serving.put("store", store.toHandle());
        }
        return serving;
    }

    /**
     * A directory for a process's data, deleted once every process has stopped: a full run leaves its store at 2 to
     * 3 GB, and runs left behind filled this machine's disk.
     */
    Path scratchDirectory(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        scratch.add(directory);
        return directory;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        for (Process process : List.copyOf(running.values())) {
            stop(process);
        }
        for (Path directory : scratch) {
            FileSystemUtils.deleteRecursively(directory);
        }
    }
}
