package nl.kennisagenda.mail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import io.quarkus.scheduler.SuccessfulExecution;

/** Counts finished runs of each scheduled job, so a test can wait for "the next run" instead of sleeping. */
@ApplicationScoped
public class ScheduledRuns {

    private final Map<String, AtomicInteger> finished = new ConcurrentHashMap<>();

    void onFinished(@ObservesAsync SuccessfulExecution execution) {
        finished.computeIfAbsent(execution.getExecution().getTrigger().getId(), id -> new AtomicInteger())
                .incrementAndGet();
    }

    public int finished(String identity) {
        AtomicInteger count = finished.get(identity);
        return count == null ? 0 : count.get();
    }
}
