package nl.kennisagenda.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/**
 * A plain TCP proxy between the application and its database that a test can cut: {@link #cut()} ends every
 * connection it carries and stops listening, so new connections are refused, as when the database server or the
 * network to it goes away; {@link #restore()} listens again on the same port. The application only knows the
 * proxy's address, so it sees exactly what it would see in such an outage, and the test can still reach the
 * database directly to check what was written.
 */
final class CuttableProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final Set<Socket> open = new HashSet<>();
    private ServerSocket server;
    private int port;

    CuttableProxy(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        listen(0);
    }

    int port() {
        return port;
    }

    /** Ends every connection now and refuses new ones until {@link #restore()}; returns how many it ended. */
    synchronized int cut() {
        closeQuietly(server);
        server = null;
        int ended = 0;
        for (Socket socket : open) {
            closeQuietly(socket);
            ended++;
        }
        open.clear();
        return ended / 2;
    }

    /** Listens again on the same port: new connections reach the database again. */
    synchronized void restore() {
        if (server == null) {
            listen(port);
        }
    }

    private synchronized void listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            server = socket;
            port = socket.getLocalPort();
            Thread accepting = new Thread(() -> accept(socket), "db-proxy-accept-" + port);
            accepting.setDaemon(true);
            accepting.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + onPort, e);
        }
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            } catch (IOException closed) {
                return;
            }
            Socket database = new Socket();
            try {
                database.connect(target, 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(database);
                continue;
            }
            if (!register(listening, client, database)) {
                continue;
            }
            pump(client, database, "db-proxy-up");
            pump(database, client, "db-proxy-down");
        }
    }

    /** Keeps the pair unless the proxy was cut while it was being connected (then it is closed at once). */
    private synchronized boolean register(ServerSocket listening, Socket client, Socket database) {
        if (server != listening) {
            closeQuietly(client);
            closeQuietly(database);
            return false;
        }
        open.add(client);
        open.add(database);
        return true;
    }

    private void pump(Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ended) {
                // one side closed or the proxy was cut: close both below
            } finally {
                forget(from, to);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void forget(Socket one, Socket other) {
        open.remove(one);
        open.remove(other);
        closeQuietly(one);
        closeQuietly(other);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    @Override
    public synchronized void close() {
        cut();
    }
}
