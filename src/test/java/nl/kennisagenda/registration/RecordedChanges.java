package nl.kennisagenda.registration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Test observer: remembers every RegistrationChanged the service fires, as the mail feature would see it. */
@ApplicationScoped
public class RecordedChanges {

    public record Seen(long registrationId, String email, RegistrationStatus status, RegistrationChanged.Change change) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    void on(@Observes RegistrationChanged changed) {
        Registration registration = changed.registration();
        seen.add(new Seen(registration.id, registration.email, registration.status, changed.change()));
    }

    public List<Seen> forEmail(String email) {
        return seen.stream().filter(s -> s.email().equalsIgnoreCase(email)).toList();
    }

    public List<Seen> all() {
        return List.copyOf(seen);
    }
}
