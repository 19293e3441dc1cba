package nl.kennisagenda.reliability;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import nl.kennisagenda.testsupport.LocalPostgres;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * The packaged application, started as an operator would but without the settings production cannot guess, refuses
 * to start and names each of them, instead of mailing links to localhost through a mail server that is not there.
 */
class ProductionSettingsIT {

    private static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));

    @TempDir
    Path work;

    @Test
    void aProductionStartWithoutBaseUrlAndMailSettingsRefusesAndNamesThem() throws Exception {
        Path log = work.resolve("refused.log");
        AppProcess app = new AppProcess(TARGET.resolve("quarkus-app/quarkus-run.jar"), AppProcess.freePort(),
                List.of(), Map.of("KENNISAGENDA_DATA_DIR", Files.createDirectories(work.resolve("data")).toString()),
                log);
        try (app) {
            int exit = app.startExpectingExit(Duration.ofMinutes(2));
            String output = Files.readString(log);
            assertNotEquals(0, exit, output);
            for (String variable : List.of("KENNISAGENDA_BASE_URL", "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_FROM")) {
                assertTrue(output.contains(variable), variable + " is named:\n" + app.logTail());
            }
        }
    }

    /**
     * The PostgreSQL build runs with the profiles prod and postgres without being told: started plainly with
     * {@code java -jar}, its production checks apply too (no silent fallback to the defaults of another profile).
     */
    @Test
    @ExtendWith(PostgresAvailable.class)
    void thePostgresBuildStartedPlainlyIsProductionAndRefusesToo() throws Exception {
        String database = LocalPostgres.forThisRun("kennisagenda_settings_test");
        LocalPostgres.recreate(database);
        Path log = work.resolve("postgres-refused.log");
        AppProcess app = new AppProcess(TARGET.resolve("quarkus-app-postgres/quarkus-run.jar"),
                AppProcess.freePort(), List.of(),
                Map.of("KENNISAGENDA_DB_URL", LocalPostgres.url(database),
                        "KENNISAGENDA_DB_USER", LocalPostgres.user(),
                        "KENNISAGENDA_DB_PASSWORD", LocalPostgres.password()),
                log);
        try (app) {
            int exit = app.startExpectingExit(Duration.ofMinutes(2));
            String output = Files.readString(log);
            assertNotEquals(0, exit, output);
            assertTrue(output.contains("(profiles postgres,prod)") || output.contains("(profiles prod,postgres)"),
                    "runs with the production profiles:\n" + app.logTail());
            for (String variable : List.of("KENNISAGENDA_BASE_URL", "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_FROM")) {
                assertTrue(output.contains(variable), variable + " is named:\n" + app.logTail());
            }
        } finally {
            LocalPostgres.drop(database);
        }
    }

    @Test
    void aServerWithoutMailNeedsNoMailServerButStillItsAddressAndSender() throws Exception {
        Path log = work.resolve("no-mail.log");
        AppProcess app = new AppProcess(TARGET.resolve("quarkus-app/quarkus-run.jar"), AppProcess.freePort(),
                List.of(), Map.of("KENNISAGENDA_DATA_DIR", Files.createDirectories(work.resolve("data")).toString(),
                        "QUARKUS_MAILER_MOCK", "true",
                        "KENNISAGENDA_BASE_URL", "https://agenda.example.org"),
                log);
        try (app) {
            int exit = app.startExpectingExit(Duration.ofMinutes(2));
            String output = Files.readString(log);
            assertNotEquals(0, exit, output);
            assertTrue(output.contains("QUARKUS_MAILER_FROM"), app.logTail());
            assertTrue(!output.contains("QUARKUS_MAILER_HOST") && !output.contains("KENNISAGENDA_BASE_URL ("),
                    app.logTail());
        }
    }
}
