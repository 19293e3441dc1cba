package nl.kennisagenda.mail;

import static nl.kennisagenda.mail.MailTestData.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.message.MessageConfig;
import nl.kennisagenda.message.MessageDispatcher;
import nl.kennisagenda.message.MessageStatus;
import nl.kennisagenda.message.OrganiserMessage;
import nl.kennisagenda.message.OrganiserMessages;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.testsupport.PostgresAvailable;

/**
 * Organiser messages on PostgreSQL, where several instances share one database: the V18 migration, the claim under
 * concurrent dispatchers, and a dispatcher that dies between two batches; each person gets exactly one mail.
 */
@QuarkusTest
@ExtendWith(PostgresAvailable.class)
@TestProfile(PostgresGreenMailProfile.class)
class OrganiserMessagesOnPostgresTest {

    SmtpServer smtp;

    @Inject
    MailTestData data;

    @Inject
    OrganiserMessages messages;

    @Inject
    MessageDispatcher dispatcher;

    @Inject
    MessageConfig config;

    @Inject
    OutboxSender sender;

    @Inject
    MailClientWarmUp mailClient;

    @BeforeEach
    void mailClientDelivers() {
        mailClient.awaitDelivery(smtp);
    }

    @Test
    void concurrentDispatchersAfterACrashBetweenBatchesWriteOneMailPerPerson() throws Exception {
        MailTestData.TestEvent event = data.onlineEvent("Bericht op PostgreSQL");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String address = uniqueEmail("pg-bericht" + i);
            people.add(address);
            data.registerQuietly(event.id(), address, "Deelnemer" + i, i % 2 == 0 ? "nl" : "en",
                    RegistrationStatus.CONFIRMED, Instant.now());
        }
        data.registerQuietly(event.id(), uniqueEmail("pg-afgemeld"), "Weg", "nl", RegistrationStatus.CANCELLED,
                Instant.now());
        Actor admin = QuarkusTransaction.requiringNew().call(() -> Actor.of(Account.findByEmail("admin@example.org")
                .orElseThrow()));
        long id = messages.create(admin, event.id(), new OrganiserMessages.MessageInput("CONFIRMED",
                "Op PostgreSQL", "Hallo {voornaam}.", "On PostgreSQL", "Hello {first_name}.", List.of())).id;
        Instant now = Instant.now();
        messages.sendNow(admin, event.id(), id, now);

        MessageDispatcher.Claim dead = dispatcher.claim(now).stream().filter(claim -> claim.messageId() == id)
                .findFirst().orElseThrow();
        assertEquals(5, dispatcher.expandBatch(dead, 5, now).written());

        Instant later = now.plus(config.lease()).plusSeconds(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit((Callable<Integer>) () -> dispatcher.dispatchDue(later)));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(MessageStatus.SENT, QuarkusTransaction.requiringNew().call(
                () -> OrganiserMessage.<OrganiserMessage> findById(id).status));
        assertEquals(12, QuarkusTransaction.requiringNew().call(() -> OrganiserMessage.<OrganiserMessage> findById(id)
                .recipientCount));
        assertEquals(12L, QuarkusTransaction.requiringNew().call(() -> OutboxMail.count(
                "organiserMessageId = ?1 and kind = ?2", id, MailKind.ORGANISER_MESSAGE)));

        MailTestData.sendEverythingDue(sender, later.plusSeconds(1));
        for (int i = 0; i < people.size(); i++) {
            var received = smtp.receivedBy(people.get(i));
            assertEquals(1, received.size(), people.get(i));
            assertEquals(i % 2 == 0 ? "Op PostgreSQL" : "On PostgreSQL", received.get(0).getSubject());
        }
    }
}
