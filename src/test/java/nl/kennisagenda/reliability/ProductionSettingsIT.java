package nl.kennisagenda.reliability;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
