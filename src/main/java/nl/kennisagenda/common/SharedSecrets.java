package nl.kennisagenda.common;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Named random secrets kept in the table {@code app_secrets}: created once by whichever instance needs one first,
 * then read by every instance on the same database (and after every restart), so what one instance signed or
 * encrypted, another accepts.
 */
@ApplicationScoped
public class SharedSecrets {

    @Inject
    EntityManager em;

    /** Reads the secret, creating it when absent; a concurrent creator on another instance wins harmlessly. */
    public String readOrCreate(String name) {
        for (int attempt = 0; attempt < 3; attempt++) {
            String found = QuarkusTransaction.requiringNew().call(() -> (String) em
                    .createNativeQuery("select secret from app_secrets where name = :name")
                    .setParameter("name", name).getResultStream().findFirst().orElse(null));
            if (found != null) {
                return found;
            }
            try {
                String fresh = Tokens.newToken() + Tokens.newToken();
                QuarkusTransaction.requiringNew().run(() -> em
                        .createNativeQuery("insert into app_secrets (name, secret, created_at) values (:n, :s, :t)")
                        .setParameter("n", name).setParameter("s", fresh).setParameter("t", Instant.now())
                        .executeUpdate());
                return fresh;
            } catch (RuntimeException raced) {
                // another instance inserted it first: read theirs
            }
        }
        throw new IllegalStateException("Could not read or create the shared secret " + name);
    }
}
