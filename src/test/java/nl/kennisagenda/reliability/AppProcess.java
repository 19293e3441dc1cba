package nl.kennisagenda.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import nl.kennisagenda.testsupport.Await;

/**
 * The packaged application ({@code quarkus-run.jar}) as a real operating-system process, started the way an
 * operator starts it: {@code java -jar}, configured by environment variables and system properties. It can be
 * killed without warning (SIGKILL) and started again on the same database.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path jar;
    private final List<String> systemProperties;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    AppProcess(Path jar, int port, List<String> systemProperties, Map<String, String> environment, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the crash test runs the packaged application, "
                    + "so run it through `./mvnw verify` (the package phase builds it first)");
        }
        this.jar = jar;
        this.port = port;
        this.systemProperties = List.copyOf(systemProperties);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    /** Starts the process and returns once it answers its readiness check. */
    void start() {
        launch();
        awaitReady();
    }

    /** Starts the process for a start that must fail: returns its exit code once it has ended by itself. */
    int startExpectingExit(Duration timeout) {
        launch();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The application still runs after " + timeout + ":\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(systemProperties);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Await.until(() -> "the application is ready\n" + logTail(), READY_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue()
                        + " before it was ready:\n" + logTail());
            }
            try {
                return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** SIGKILL: the process gets no chance to flush, close or shut down (Process.destroyForcibly on Unix). */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: an orderly shutdown, as a service manager stops it. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The log from the first line that contains {@code needle}, at most {@code lines} lines (a stack trace). */
    String logFrom(String needle, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).contains(needle)) {
                    return String.join("\n", all.subList(i, Math.min(all.size(), i + lines)));
                }
            }
            return "(not in the log: " + needle + ")";
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
