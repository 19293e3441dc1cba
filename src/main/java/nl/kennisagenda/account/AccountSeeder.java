package nl.kennisagenda.account;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Organisation;

/**
 * Accounts that exist without anyone creating them: the first administrator from {@code KENNISAGENDA_ADMIN_EMAIL}
 * and {@code KENNISAGENDA_ADMIN_PASSWORD} when the accounts table is empty, and with demo data on, the demo
 * administrator and one organiser per demo organisation. Runs after the demo events (later observer priority);
 * instances starting together take turns on the {@code app_locks} row {@code accounts}.
 */
@ApplicationScoped
public class AccountSeeder {

    private static final Logger LOG = Logger.getLogger(AccountSeeder.class);

    public static final String DEMO_ADMIN = "admin@example.org";

    @Inject
    LoginConfig config;

    @Inject
    SiteConfig site;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent start) {
        seed(config.firstAdminEmail(), config.firstAdminPassword(), site.demoData());
    }

    @Transactional
    public void seed(Optional<String> adminEmail, Optional<String> adminPassword, boolean demo) {
        Account.getEntityManager()
                .createNativeQuery("select name from app_locks where name = 'accounts' for update")
                .getResultList();
        if (adminEmail.isPresent() && Account.count() == 0) {
            String password = adminPassword.orElse("");
            if (password.length() < 12) {
                LOG.warn("KENNISAGENDA_ADMIN_EMAIL is set but KENNISAGENDA_ADMIN_PASSWORD is missing or shorter than"
                        + " 12 characters: no administrator created");
            } else {
                create(adminEmail.get(), "Beheerder", Role.ADMINISTRATOR, password);
                LOG.infof("First administrator created: %s", Account.normaliseEmail(adminEmail.get()));
            }
        }
        if (demo && Account.findByEmail(DEMO_ADMIN).isEmpty()) {
            create(DEMO_ADMIN, "Demo-beheerder", Role.ADMINISTRATOR, config.demoPassword());
            int organisers = 0;
            for (Organisation organisation : Organisation.allByName()) {
                String email = organisation.slug + "@example.org";
                if (Account.findByEmail(email).isEmpty()) {
                    Account organiser = create(email, "Organisator " + organisation.displayShortName(),
                            Role.ORGANISER, config.demoPassword());
                    organiser.organisations.add(organisation);
                    organisers++;
                }
            }
            LOG.infof("Demo accounts created: %s and %d organisers", DEMO_ADMIN, organisers);
        }
    }

    private static Account create(String email, String name, Role role, String password) {
        Account account = new Account();
        account.email = Account.normaliseEmail(email);
        account.name = name;
        account.role = role;
        account.setPassword(password);
        account.persist();
        return account;
    }
}
