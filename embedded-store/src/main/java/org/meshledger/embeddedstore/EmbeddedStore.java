package org.meshledger.embeddedstore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The evaluation store: a MongoDB wire-protocol server in this JVM, reached over TCP by the real driver. With a data
 * directory it keeps everything in an H2 file there; without one, in H2's memory store (the same engine, so tests
 * meet the behaviour the evaluation store has).
 */
public final class EmbeddedStore implements AutoCloseable {

    public static final String FILE_NAME = "meshledger.mv.db";

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedStore(MongoBackend backend, String host, int port) {
        backend.version(ModernServerVersion.MONGO_5_0);
        this.server = new MongoServer(backend);
        server.bind(host, port);
        this.address = server.getLocalAddress();
    }

    public static EmbeddedStore inDirectory(Path dataDirectory, String host, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException cannotCreate) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDirectory, cannotCreate);
        }
        String file = dataDirectory.resolve(FILE_NAME).toAbsolutePath().toString();
        return new EmbeddedStore(new DurableH2Backend(file), host, port);
    }

    public static EmbeddedStore inMemory(String host, int port) {
        return new EmbeddedStore(IndexedH2Backend.inMemoryStore(), host, port);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
