import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load client for the sign-up API: N concurrent clients POST sign-ups with distinct addresses for one event for a
 * fixed time (after a short warm-up that is not counted) and report throughput, latency and errors.
 *
 * <pre>java bench/SignupLoad.java BASE_URL SLUG CLIENTS SECONDS [WARMUP_SECONDS]</pre>
 */
public class SignupLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String slug = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        URI uri = URI.create(base + "/api/events/" + slug + "/registrations");
        ExecutorService io = Executors.newFixedThreadPool(clients);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicLong sequence = new AtomicLong();
        long run = System.nanoTime();

        if (warmup > 0) {
            System.out.printf("warm-up: %d clients for %d s (not counted)%n", clients, warmup);
            drive(http, uri, clients, warmup, sequence, run);
        }
        System.out.printf("measuring: %d clients for %d s against %s%n", clients, seconds, uri);
        Result result = drive(http, uri, clients, seconds, sequence, run);
        io.shutdownNow();

        long[] latencies = result.latencies();
        Arrays.sort(latencies);
        double minutes = result.elapsedNanos() / 60e9;
        System.out.println("---");
        System.out.printf("requests           %d%n", latencies.length);
        System.out.printf("confirmed          %d%n", result.confirmed());
        System.out.printf("waitlisted         %d%n", result.waitlisted());
        System.out.printf("errors             %d%s%n", result.errors(), result.firstError().isEmpty() ? ""
                : " (first: " + result.firstError() + ")");
        System.out.printf("elapsed            %.1f s%n", result.elapsedNanos() / 1e9);
        System.out.printf("confirmed/minute   %.0f%n", result.confirmed() / minutes);
        System.out.printf("requests/second    %.0f%n", latencies.length / (result.elapsedNanos() / 1e9));
        System.out.printf("latency p50        %.1f ms%n", percentile(latencies, 0.50));
        System.out.printf("latency p99        %.1f ms%n", percentile(latencies, 0.99));
        System.out.printf("latency max        %.1f ms%n", latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
    }

    record Result(long[] latencies, long confirmed, long waitlisted, long errors, String firstError, long elapsedNanos) {
    }

    static Result drive(HttpClient http, URI uri, int clients, int seconds, AtomicLong sequence, long run)
            throws InterruptedException {
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[clients];
        AtomicLong confirmed = new AtomicLong();
        AtomicLong waitlisted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        StringBuffer firstError = new StringBuffer();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[] deadline = new long[1];
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[1 << 16];
            perClient.add(latencies);
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    while (System.nanoTime() < deadline[0]) {
                        long n = sequence.incrementAndGet();
                        String body = "{\"firstName\":\"Bench\",\"lastName\":\"Client " + client + "\",\"email\":\"bench-"
                                + run + "-" + n + "@example.org\",\"organisation\":\"Loadtest BV\",\"role\":\"Tester\"}";
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            long took = System.nanoTime() - t0;
                            if (counts[client] < latencies.length) {
                                latencies[counts[client]++] = took;
                            }
                            if (response.statusCode() == 201 && response.body().contains("\"CONFIRMED\"")) {
                                confirmed.incrementAndGet();
                            } else if (response.statusCode() == 201 && response.body().contains("\"WAITLISTED\"")) {
                                waitlisted.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                                if (firstError.length() == 0) {
                                    firstError.append(response.statusCode()).append(' ').append(response.body(), 0,
                                            Math.min(200, response.body().length()));
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            if (firstError.length() == 0) {
                                firstError.append(e);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        long t0 = System.nanoTime();
        deadline[0] = t0 + seconds * 1_000_000_000L;
        start.countDown();
        done.await();
        long elapsed = System.nanoTime() - t0;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        return new Result(all, confirmed.get(), waitlisted.get(), errors.get(), firstError.toString(), elapsed);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
