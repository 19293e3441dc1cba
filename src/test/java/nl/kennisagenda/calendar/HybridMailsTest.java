package nl.kennisagenda.calendar;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import net.fortuna.ical4j.model.component.VEvent;
import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.mail.GreenMailProfile;
import nl.kennisagenda.mail.MailClientWarmUp;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutboxSender;
import nl.kennisagenda.mail.SmtpServer;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.TestEvents;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * What attendees of a hybrid event receive, through a real SMTP server (GreenMail): the join link (and the invite's
 * LOCATION = the join link) only for confirmed online attendees, the address and route (LOCATION = the venue) only
 * for those on site, never both; the waiting-list mail names the mode that is full; switching mode sends the updated
 * entry (same UID, higher SEQUENCE) with the new LOCATION.
 */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class HybridMailsTest {

    private static final Locale NL = Locale.forLanguageTag("nl");
    private static final String VENUE = "Gezondheidscentrum, Spuistraat 1, Vlissingen";
    private static final String ROUTE = "Tien minuten lopen vanaf station Vlissingen.";

    SmtpServer smtp;

    @Inject
    OutboxSender sender;

    @Inject
    RegistrationService registrations;

    @Inject
    MailClientWarmUp mailClient;

    @BeforeEach
    void emptyMailboxAndOutbox() {
        smtp.start();
        mailClient.awaitDelivery(smtp);
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("id > 0"));
    }

    private void deliverAll() {
        OutboxSender.Run run;
        int runs = 0;
        do {
            run = sender.sendDue(Instant.now());
            assertEquals(0, run.retried() + run.failed(), "mails that were not delivered: " + run);
        } while (run.claimed() > 0 && ++runs < 10);
    }

    private static String mail(String name) {
        return name + "-" + System.nanoTime() + "@example.org";
    }

    private static SignupInput input(String email, AttendanceMode mode) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("firstName", List.of("Mila"));
        values.put("lastName", List.of("Modus"));
        values.put("email", List.of(email));
        values.put("organisation", List.of("Gemeente Vlissingen"));
        values.put("attendanceMode", List.of(mode.name()));
        return new SignupInput(values, List.of(), false);
    }

    @Test
    void theOnlineAttendeeGetsTheJoinLinkAndTheOnSiteAttendeeTheAddressAndRouteNeverBoth() throws Exception {
        TestEvents.Created event = TestEvents.createHybrid("post", 10, 10);
        String online = mail("online");
        String onSite = mail("ter-plaatse");
        registrations.signUp(event.slug(), input(online, AttendanceMode.ONLINE), NL);
        registrations.signUp(event.slug(), input(onSite, AttendanceMode.ON_SITE), NL);
        deliverAll();

        String onlineText = text(only(online));
        assertThat(onlineText, containsString("Waar: Online via Microsoft Teams"));
        assertThat(onlineText, containsString(TestEvents.HYBRID_JOIN_URL));
        assertThat(onlineText, containsString("Deelname: Online"));
        assertThat(onlineText, not(containsString("Spuistraat")));
        assertThat(onlineText, not(containsString(ROUTE)));
        VEvent onlineEntry = Ics.onlyEvent(Ics.parse(invite(only(online))));
        assertEquals(TestEvents.HYBRID_JOIN_URL, Ics.value(onlineEntry, "LOCATION"));

        String onSiteText = text(only(onSite));
        assertThat(onSiteText, containsString("Waar: " + VENUE));
        assertThat(onSiteText, containsString("Route: " + ROUTE));
        assertThat(onSiteText, containsString("Deelname: Op locatie"));
        assertThat(onSiteText, not(containsString(TestEvents.HYBRID_JOIN_URL)));
        assertThat(onSiteText, not(containsString("Microsoft Teams")));
        String onSiteInvite = invite(only(onSite));
        assertThat(onSiteInvite, not(containsString(TestEvents.HYBRID_JOIN_URL)));
        assertEquals(VENUE, Ics.value(Ics.onlyEvent(Ics.parse(onSiteInvite)), "LOCATION"));
    }

    @Test
    void theWaitingListMailNamesTheFullModeOffersTheOtherAndHasNoJoinLink() throws Exception {
        TestEvents.Created event = TestEvents.createHybrid("wachtlijst", 10, 1);
        registrations.signUp(event.slug(), input(mail("eerste"), AttendanceMode.ONLINE), NL);
        String waiting = mail("wacht");
        registrations.signUp(event.slug(), input(waiting, AttendanceMode.ONLINE), NL);
        deliverAll();

        MimeMessage message = only(waiting);
        assertThat(message.getSubject(), containsString("Op de wachtlijst"));
        String text = text(message);
        assertThat(text, containsString("Er is geen plaats meer online."));
        assertThat(text, containsString("Er is nog plaats op locatie"));
        assertThat(text, not(containsString("De bijeenkomst is vol.")));
        assertThat(text, not(containsString(TestEvents.HYBRID_JOIN_URL)));
        assertThat(text, not(containsString("Spuistraat")));
    }

    @Test
    void switchingToOnlineSendsTheUpdatedEntryWithTheJoinLinkAsLocationAndAHigherSequence() throws Exception {
        TestEvents.Created event = TestEvents.createHybrid("wissel-post", 10, 10);
        String email = mail("wissel");
        registrations.signUp(event.slug(), input(email, AttendanceMode.ON_SITE), NL);
        deliverAll();
        VEvent before = Ics.onlyEvent(Ics.parse(invite(only(email))));
        assertEquals(VENUE, Ics.value(before, "LOCATION"));
        String token = QuarkusTransaction.requiringNew().call(
                () -> Registration.<Registration>find("email", email).firstResult().token);

        registrations.update(token, input(email, AttendanceMode.ONLINE), NL);
        deliverAll();

        List<MimeMessage> received = smtp.receivedBy(email);
        assertEquals(2, received.size());
        String text = text(received.get(1));
        assertThat(text, containsString(TestEvents.HYBRID_JOIN_URL));
        assertThat(text, not(containsString("Spuistraat")));
        VEvent after = Ics.onlyEvent(Ics.parse(invite(received.get(1))));
        assertEquals("REQUEST", Ics.value(Ics.parse(invite(received.get(1))), "METHOD"));
        assertEquals(Ics.value(before, "UID"), Ics.value(after, "UID"), "the same entry changes");
        assertTrue(Integer.parseInt(Ics.value(after, "SEQUENCE")) > Integer.parseInt(Ics.value(before, "SEQUENCE")));
        assertEquals(TestEvents.HYBRID_JOIN_URL, Ics.value(after, "LOCATION"));
    }

    private MimeMessage only(String email) {
        List<MimeMessage> received = smtp.receivedBy(email);
        assertEquals(1, received.size(), "mails received by " + email);
        return received.get(0);
    }

    private static String text(Part message) throws Exception {
        List<String> found = new ArrayList<>();
        collect(message, "text/plain", found);
        assertEquals(1, found.size(), "one plain-text part");
        return found.get(0).replace("\r\n", "\n");
    }

    private static String invite(Part message) throws Exception {
        List<String> found = new ArrayList<>();
        collect(message, "text/calendar", found);
        assertTrue(!found.isEmpty(), "the mail carries an invite");
        assertEquals(1, found.stream().distinct().count(), "one invite document");
        return found.get(0);
    }

    private static void collect(Part part, String type, List<String> found) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), type, found);
            }
        } else if (part.getContentType().toLowerCase(Locale.ROOT).startsWith(type)
                && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add(new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } else if (type.equals("text/calendar") && part.getContentType().toLowerCase(Locale.ROOT).startsWith(type)) {
            found.add(new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
