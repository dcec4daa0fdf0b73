package org.meshledger.platform.testing;

import com.mongodb.ConnectionString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between the ledger and its store that a test or the fault harness can turn against it:
 * answers delayed ({@link #delay}), the store silent with connections left open as a frozen process leaves them
 * ({@link #freeze}), every connection cut and new ones refused ({@link #cut}), and back to normal ({@link #restore}).
 */
public final class StoreProxy implements AutoCloseable {

    private enum Mode {
        PASS,
        FROZEN,
        CUT
    }

    private final ServerSocket listener;
    private final InetSocketAddress store;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile Mode mode = Mode.PASS;
    private volatile long delayMillis;

    private StoreProxy(InetSocketAddress store) throws IOException {
        this.store = store;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("store-proxy-accept", this::accept).start();
    }

    /** A proxy in front of the store listening on 127.0.0.1 at {@code storePort}. */
    public static StoreProxy to(int storePort) throws IOException {
        return new StoreProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), storePort));
    }

    /** A proxy in front of the loopback store that {@code connectionString} names. */
    public static StoreProxy before(String connectionString) throws IOException {
        String host = new ConnectionString(connectionString).getHosts().get(0);
        return to(Integer.parseInt(host.substring(host.lastIndexOf(':') + 1)));
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The connection string that reaches the store through this proxy. */
    public String uri() {
        return "mongodb://127.0.0.1:" + port();
    }

    public void delay(Duration each) {
        delayMillis = each.toMillis();
    }

    public void freeze() {
        mode = Mode.FROZEN;
    }

    public void cut() {
        mode = Mode.CUT;
        open.forEach(StoreProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        delayMillis = 0;
        synchronized (gate) {
            mode = Mode.PASS;
            gate.notifyAll();
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (mode == Mode.CUT) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(store.getAddress(), store.getPort());
                open.add(client);
                open.add(server);
                daemon("store-proxy-up", () -> pump(client, server)).start();
                daemon("store-proxy-down", () -> pump(server, client)).start();
            } catch (IOException closedOrRefused) {
                // the listener was closed, or the store refused one connection: the next accept goes on
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                awaitPassing();
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException ended) {
            // one side closed or was cut: the pair ends together
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void awaitPassing() throws InterruptedException, IOException {
        synchronized (gate) {
            while (mode == Mode.FROZEN) {
                gate.wait();
            }
        }
        if (mode == Mode.CUT) {
            throw new IOException("cut");
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception alreadyClosed) {
            // nothing left to release
        }
    }
}
