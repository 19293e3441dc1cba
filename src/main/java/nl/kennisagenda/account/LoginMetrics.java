package nl.kennisagenda.account;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Counter {@code kennisagenda_logins_total{outcome}} on /q/metrics: back-office log-ins by outcome (success, invalid,
 * locked by the throttle, expired form), every outcome present from the start.
 */
@Startup
@Singleton
public class LoginMetrics {

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    LoginMetrics(MeterRegistry meters) {
        this.meters = meters;
        count("success", 0);
        for (LoginProblem problem : LoginProblem.values()) {
            count(problem.code(), 0);
        }
    }

    void success() {
        count("success", 1);
    }

    void refused(LoginProblem problem) {
        count(problem.code(), 1);
    }

    private void count(String outcome, int by) {
        counters.computeIfAbsent(outcome, o -> Counter.builder("kennisagenda.logins")
                .description("Back-office log-ins by outcome").tag("outcome", o).register(meters)).increment(by);
    }
}
