package nl.kennisagenda.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import nl.kennisagenda.testsupport.Await;

/**
 * Debian's nginx as the round-robin load balancer in front of the instances, configured as docs/operations.md
 * ("Behind a proxy") describes, run as a child process of the test with its own configuration, logs and temporary
 * files in one folder. It listens on 127.0.0.1 only.
 *
 * <p>Two details differ from the production example, both because everything here runs on one host. nginx connects to
 * the instances from its own address, 127.0.0.2 ({@code proxy_bind}): that is the one trusted proxy the instances are
 * told about, so a test client on 127.0.0.1 (or any other loopback address) is a client, not a proxy, exactly as a
 * visitor on the internet is. And the Host header is {@code $http_host} (with the port) rather than {@code $host},
 * because the site runs on a port other than 80 or 443 and the instances build redirects from it.
 */
final class Nginx implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");
    /** The address nginx connects to the instances from: the instances' only trusted proxy. */
    static final String PROXY_ADDRESS = "127.0.0.2";

    private final Path dir;
    private final int port;
    private final List<URI> upstreams;
    private Process process;

    Nginx(Path dir, int port, List<URI> upstreams) {
        this.dir = dir;
        this.port = port;
        this.upstreams = List.copyOf(upstreams);
    }

    /** Whether Debian's nginx is installed (.ci/run installs it). */
    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void start() {
        try {
            Files.createDirectories(dir.resolve("temp"));
            Files.writeString(dir.resolve("nginx.conf"), config());
            process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c",
                    dir.resolve("nginx.conf").toString(), "-e", dir.resolve("error.log").toString(), "-g",
                    "daemon off;").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until(() -> "nginx listens on " + baseUri() + "\n" + errorLog(), Duration.ofSeconds(30), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ":\n" + errorLog());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private String config() {
        String servers = upstreams.stream().map(uri -> "        server 127.0.0.1:" + uri.getPort() + ";")
                .collect(Collectors.joining("\n"));
        String temp = dir.resolve("temp").toString();
        // "user" only counts when nginx starts as root (CI): its workers would otherwise become "nobody" and could
        // not write the temporary files in our folder. For anyone else nginx ignores it with a warning.
        return """
                user %s;
                worker_processes 1;
                pid %s;
                error_log %s info;
                events { worker_connections 1024; }
                http {
                    log_format balanced '$remote_addr "$request" $status rt=$request_time upstream=$upstream_addr';
                    access_log %s balanced;
                    client_body_temp_path %s/body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;

                    upstream kennisagenda {
                %s
                    }
                    server {
                        listen 127.0.0.1:%d;
                        client_max_body_size 6m;

                        location /q/metrics { return 404; }
                        location /q/health  { return 404; }

                        location / {
                            proxy_pass http://kennisagenda;
                            proxy_bind %s;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                        }
                    }
                }
                """.formatted(System.getProperty("user.name"), dir.resolve("nginx.pid"), dir.resolve("error.log"),
                dir.resolve("access.log"), temp, temp, temp, temp, temp, servers, port, PROXY_ADDRESS);
    }

    /**
     * How many logged requests that match went to each instance, by the instance's address ({@code 127.0.0.1:port});
     * a request nginx passed on to a second instance counts for both.
     */
    Map<String, Integer> requestsPerInstance(Predicate<String> line) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String entry : accessLog()) {
            int at = entry.lastIndexOf("upstream=");
            if (at >= 0 && line.test(entry)) {
                for (String upstream : entry.substring(at + "upstream=".length()).split("[, ]+")) {
                    counts.merge(upstream.trim(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The times nginx took to answer the logged requests that match, in milliseconds, sorted. */
    List<Long> answerTimes(Predicate<String> line) {
        return accessLog().stream().filter(line).map(entry -> entry.replaceFirst(".* rt=([0-9.]+) .*", "$1"))
                .map(seconds -> Math.round(Double.parseDouble(seconds) * 1000)).sorted().toList();
    }

    List<String> accessLog() {
        try {
            Path log = dir.resolve("access.log");
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String errorLog() {
        try {
            Path log = dir.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "(no error log)";
        } catch (IOException e) {
            return "(error log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (nginx's fast shutdown), and SIGKILL if it has not ended after 30 s. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
