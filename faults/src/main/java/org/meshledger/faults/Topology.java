package org.meshledger.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * The production topology as separate local processes: the embedded store on its own files, two command sides and two
 * query sides on it, each on its own port and log. Processes are killed with SIGKILL, frozen with SIGSTOP and thawed
 * with SIGCONT, and started again with the arguments they first had.
 */
final class Topology implements AutoCloseable {

    static final String STORE = "store";
    static final List<String> COMMAND_SIDES = List.of("command-a", "command-b");
    static final List<String> QUERY_SIDES = List.of("query-a", "query-b");

    static final String VIEWS = "faults_views";
    private static final String COMMAND_SIDE = "org.meshledger.command.CommandSideApplication";
    private static final String QUERY_SIDE = "org.meshledger.query.QuerySideApplication";
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final String SERVICE_HEAP = "768m";

    private final Path logs;
    private final Path storeData;
    private final int storePort;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final Map<String, Integer> starts = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path repository;

    /** {@code repository}: the checkout, whose {@code deploy/service.jvm.options} every service starts with. */
    Topology(Path repository, Path logs) throws IOException {
        this.repository = repository;
        this.logs = Files.createDirectories(logs);
        this.storeData = Files.createTempDirectory("meshledger-faults-store");
        this.storePort = freePort();
    }

    /** Starts the store, then every service on it, and waits until each says it is healthy. */
    void start(Map<String, List<String>> extraArguments) throws IOException, InterruptedException {
        define(
                STORE,
                List.of("-Xmx2g"),
                "org.meshledger.embeddedstore.EmbeddedStoreMain",
                List.of(String.valueOf(storePort), storeData.toString()));
        start(STORE);
        awaitPort(storePort);
        for (String side : COMMAND_SIDES) {
            defineService(side, COMMAND_SIDE, VIEWS, extraArguments.getOrDefault(side, List.of()));
        }
        for (String side : QUERY_SIDES) {
            defineService(side, QUERY_SIDE, VIEWS, extraArguments.getOrDefault(side, List.of()));
        }
        for (String service : services()) {
            start(service);
        }
        for (String service : services()) {
            awaitHealthy(service, START_LIMIT);
        }
    }

    String storeUri() {
        return "mongodb://127.0.0.1:" + storePort;
    }

    int port(String service) {
        return ports.get(service);
    }

    List<Integer> commandPorts() {
        return COMMAND_SIDES.stream().map(ports::get).toList();
    }

    List<Integer> queryPorts() {
        return QUERY_SIDES.stream().map(ports::get).toList();
    }

    void kill(String name) throws InterruptedException {
        Process process = running.remove(name);
        process.destroyForcibly();
        process.waitFor();
    }

    void freeze(String name) throws IOException, InterruptedException {
        signal(name, "-STOP");
    }

    void thaw(String name) throws IOException, InterruptedException {
        signal(name, "-CONT");
    }

    /** Starts a killed process again, with the arguments it first had; its log goes on in a file of its own. */
    void start(String name) throws IOException {
        int start = starts.merge(name, 1, Integer::sum);
        Path log = logs.resolve(start == 1 ? name + ".log" : name + "-" + start + ".log");
        running.put(
                name,
                new ProcessBuilder(commands.get(name))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start());
    }

    boolean isRunning(String name) {
        return running.containsKey(name) && running.get(name).isAlive();
    }

    /** The status of {@code GET /actuator/health}; -1 while nothing answers within a second. */
    int health(String service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ports.get(service) + "/actuator/health"))
                    // longer than the service's own bound on its store ping (2 s), so a DOWN is seen as one
                    .timeout(Duration.ofSeconds(4))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException noAnswer) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void awaitHealthy(String service, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (health(service) != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service + " not healthy within " + limit + "; see its log in " + logs);
            }
            Thread.sleep(200);
        }
    }

    List<String> services() {
        List<String> services = new ArrayList<>(COMMAND_SIDES);
        services.addAll(QUERY_SIDES);
        return services;
    }

    /**
     * Stops a query side and starts it again on {@code viewsDatabase}, or starts a new one there: a query side on an
     * empty database catches up on the whole log.
     */
    void startQuerySide(String name, String viewsDatabase) throws IOException, InterruptedException {
        if (running.containsKey(name)) {
            Process process = running.remove(name);
            process.destroy();
            process.waitFor();
        }
        defineService(name, QUERY_SIDE, viewsDatabase, List.of());
        start(name);
    }

    private void defineService(String name, String mainClass, String viewsDatabase, List<String> extraArguments) {
        int port = ports.computeIfAbsent(name, unused -> freePort());
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.data.mongodb.uri=" + storeUri(),
                "--meshledger.store.database=faults",
                "--meshledger.store.views-database=" + viewsDatabase,
                // the harness's client calls with the development tokens, as fast as the services take them
                "--meshledger.security.development-tokens=true",
                "--meshledger.rate-limits.enabled=false"));
        arguments.addAll(extraArguments);
        define(
                name,
                List.of(
                        "@"
                                + repository
                                        .resolve("deploy")
                                        .resolve("service.jvm.options")
                                        .toAbsolutePath(),
                        "-Xms" + SERVICE_HEAP,
                        "-Xmx" + SERVICE_HEAP),
                mainClass,
                arguments);
    }

    private void define(String name, List<String> jvmOptions, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true"));
        command.addAll(jvmOptions);
        // under Maven's test runner the class path is in a property of its own, the JVM's holding only a launcher jar
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(arguments);
        commands.put(name, command);
    }

    private void signal(String name, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder(
                        "kill", signal, String.valueOf(running.get(name).pid()))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill " + signal + " " + name + " failed");
        }
    }

    private void awaitPort(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Nothing listening on port " + port + " within " + START_LIMIT);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (String name : List.copyOf(running.keySet())) {
            Process process = running.get(name);
            if (name.equals(STORE)) {
                continue;
            }
            thawQuietly(process);
            process.destroy();
            process.waitFor();
        }
        Process store = running.get(STORE);
        if (store != null) {
            thawQuietly(store);
            store.destroy();
            store.waitFor();
        }
        FileSystemUtils.deleteRecursively(storeData);
    }

    private static void thawQuietly(Process process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-CONT", String.valueOf(process.pid()))
                .start()
                .waitFor();
    }
}
