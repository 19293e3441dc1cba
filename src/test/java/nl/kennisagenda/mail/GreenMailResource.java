package nl.kennisagenda.mail;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts GreenMail on a free port before the application and points quarkus-mailer at it (no mock). Tests get the
 * {@link SmtpServer} injected into a field of that type.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private SmtpServer server;

    @Override
    public Map<String, String> start() {
        server = new SmtpServer();
        server.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.port()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.timeout", "10s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(SmtpServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
