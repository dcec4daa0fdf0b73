package org.meshledger.embeddedstore;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded store as a process of its own, so the command side and the query side can run as separate processes
 * against it as they would against MongoDB. Usage: {@code EmbeddedStoreMain <port> [<data directory>]}; with no data
 * directory it keeps everything in memory.
 */
public final class EmbeddedStoreMain {

    private EmbeddedStoreMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 27017;
        EmbeddedStore store = args.length > 1
                ? EmbeddedStore.inDirectory(Path.of(args[1]), "127.0.0.1", port)
                : EmbeddedStore.inMemory("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(store::close));
        System.out.println("Embedded store listening at " + store.connectionString());
        new CountDownLatch(1).await();
    }
}
