package nl.kennisagenda.registration.service;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.registration.RegistrationChanged;
import nl.kennisagenda.registration.RegistrationChanged.Change;

/**
 * Counter {@code kennisagenda_signups_total{outcome}} on /q/metrics: visitors' sign-ups (form, API, embedded form) once
 * their transaction has committed, so a retried or rolled-back attempt is not counted. Outcomes: confirmed,
 * waitlisted, pending (awaits approval), duplicate (the address was already registered).
 */
@Startup
@Singleton
public class SignupMetrics {

    private final Map<Change, Counter> counters = new EnumMap<>(Change.class);

    SignupMetrics(MeterRegistry meters) {
        for (Change change : new Change[] { Change.CONFIRMED, Change.WAITLISTED, Change.PENDING,
                Change.DUPLICATE_SIGNUP }) {
            String outcome = change == Change.DUPLICATE_SIGNUP ? "duplicate" : change.name().toLowerCase(Locale.ROOT);
            counters.put(change, Counter.builder("kennisagenda.signups")
                    .description("Sign-ups by visitors, by outcome, counted when committed")
                    .tag("outcome", outcome).register(meters));
        }
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistrationChanged changed) {
        Counter counter = counters.get(changed.change());
        if (counter != null && changed.actedBy().kind() == ActedBy.Kind.VISITOR) {
            counter.increment();
        }
    }
}
