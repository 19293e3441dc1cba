package nl.kennisagenda.mail;

import static nl.kennisagenda.mail.MailTestData.JOIN_URL;
import static nl.kennisagenda.mail.MailTestData.uniqueEmail;
import static nl.kennisagenda.mail.Texts.assertContains;
import static nl.kennisagenda.mail.Texts.assertLacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged.Change;
import nl.kennisagenda.registration.RegistrationStatus;

/** What the attendee mails say, and that they reach the outbox with the change that causes them. */
@QuarkusTest
class AttendeeMailsTest {

    private static final int DAY = MailTestData.EVENT_DAY.getDayOfMonth();
    private static final int YEAR = MailTestData.EVENT_DAY.getYear();

    @Inject
    MailTestData data;

    @Inject
    MailOutbox outbox;

    @Test
    void confirmationIsWrittenToTheOutboxInDutchWithEssentialsProgrammeAndLinks() {
        MailTestData.TestEvent event = data.onlineEvent("Ruimte voor eerstelijnszorg");
        String email = uniqueEmail("piet");
        Long id = data.register(event.id(), email, "Piet", "nl", RegistrationStatus.CONFIRMED, Change.CONFIRMED,
                event.sessionB());

        OutboxMail mail = data.onlyMailFor(id);
        Registration registration = registration(id);
        assertEquals(MailKind.CONFIRMATION, mail.kind);
        assertEquals(MailStatus.PENDING, mail.status);
        assertEquals(email, mail.recipient);
        assertEquals("Aanmelding bevestigd: Ruimte voor eerstelijnszorg", mail.subject);
        assertTrue(mail.messageId.matches("<[0-9a-f-]{36}@localhost>"), mail.messageId);
        assertContains(mail.textBody,
                "Beste Piet,",
                "Je bent aangemeld.",
                "Wanneer: donderdag " + DAY + " januari " + YEAR + ", 10:30–12:00",
                "Waar: Online via Zoom",
                "Organisator: Kennisnetwerk Test",
                "Vragen? Anna de Vries, anna@example.org",
                "Deelnemen: " + JOIN_URL,
                "Je programma\n10:30–10:45 Welkom\n10:45–11:30 Ronde 1, jouw keuze: Sessie Zorg\n"
                        + "11:30–12:00 Afsluiting\n",
                "Andere sessies\n10:45–11:30 Ronde 1: Sessie Wonen\n",
                "http://localhost:8080/registrations/" + registration.token + "\n",
                "http://localhost:8080/calendar/" + registration.attendee.calendarToken + ".ics\n");
        assertContains(mail.htmlBody,
                "<html lang=\"nl\">",
                "<a href=\"" + JOIN_URL + "\"",
                "Sessie Zorg <span",
                "<a href=\"http://localhost:8080/registrations/" + registration.token + "\"");
        assertContains(mail.textBody, "In de bijlage zit een agenda-uitnodiging");

        assertEquals(1, mail.attachments.size());
        MailAttachment invite = mail.attachments.get(0);
        assertEquals("invite.ics", invite.fileName);
        assertContains(invite.contentType, "text/calendar", "method=REQUEST");
        net.fortuna.ical4j.model.Calendar calendar = Invites.parse(invite.content);
        assertEquals("REQUEST", Invites.method(calendar));
        assertEquals("Europe/Amsterdam", Invites.dtstartTzid(calendar));
        assertEquals(MailTestData.EVENT_DAY.toString().replace("-", "") + "T103000",
                Invites.property(calendar, "DTSTART"));
        assertContains(Invites.property(calendar, "UID"), "registration-" + id + "@");
    }

    @Test
    void englishMailHasEnglishTextsAndDates() {
        MailTestData.TestEvent event = data.onlineEvent("Primary care in the neighbourhood");
        Long id = data.register(event.id(), uniqueEmail("emma"), "Emma", "en", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED, event.sessionA());

        OutboxMail mail = data.onlyMailFor(id);
        assertEquals("Registration confirmed: Primary care in the neighbourhood", mail.subject);
        assertContains(mail.textBody,
                "Dear Emma,",
                "You are registered.",
                "When: Thursday " + DAY + " January " + YEAR + ", 10:30–12:00",
                "Your programme",
                "10:45–11:30 Round 1, your choice: Sessie Wonen\n",
                "Other sessions\n10:45–11:30 Round 1: Sessie Zorg\n",
                "Your registration: View, change or cancel");
        assertLacks(mail.textBody, "donderdag", "programma", "Beste");
        assertContains(mail.htmlBody, "<html lang=\"en\">", "Thursday " + DAY + " January " + YEAR);
    }

    @Test
    void waitlistedPersonGetsNoJoinLink() {
        MailTestData.TestEvent event = data.onlineEvent("Volle webinar");
        Long id = data.register(event.id(), uniqueEmail("wacht"), "Wim", "nl", RegistrationStatus.WAITLISTED,
                Change.WAITLISTED);

        OutboxMail mail = data.onlyMailFor(id);
        assertEquals(MailKind.WAITING_LIST, mail.kind);
        assertEquals("Op de wachtlijst: Volle webinar", mail.subject);
        assertContains(mail.textBody, "sta je op de wachtlijst");
        assertLacks(mail.textBody, "zoom.example.org", "Deelnemen");
        assertLacks(mail.htmlBody, "zoom.example.org");
        assertTrue(mail.attachments.isEmpty());
    }

    @Test
    void cancelledPersonGetsNoJoinLink() {
        MailTestData.TestEvent event = data.onlineEvent("Webinar met afmelding");
        Long id = data.register(event.id(), uniqueEmail("af"), "Ans", "nl", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED);
        data.mailsFor(id); // the sender rendered the confirmation before the person cancelled
        data.change(id, RegistrationStatus.CANCELLED, Change.CANCELLED);

        List<OutboxMail> mails = data.mailsFor(id);
        assertEquals(List.of(MailKind.CONFIRMATION, MailKind.CANCELLATION), kinds(mails));
        OutboxMail cancellation = mails.get(1);
        assertEquals("Afmelding ontvangen: Webinar met afmelding", cancellation.subject);
        assertContains(cancellation.textBody, "Je afmelding is verwerkt");
        assertLacks(cancellation.textBody, "zoom.example.org");
        assertLacks(cancellation.htmlBody, "zoom.example.org");
        String requestUid = Invites.property(Invites.parse(mails.get(0).attachments.get(0).content), "UID");
        assertContains(cancellation.attachments.get(0).contentType, "method=CANCEL");
        net.fortuna.ical4j.model.Calendar cancel = Invites.parse(cancellation.attachments.get(0).content);
        assertEquals("CANCEL", Invites.method(cancel));
        assertEquals(requestUid, Invites.property(cancel, "UID"));
    }

    @Test
    void promotionConfirmsAndNowCarriesTheJoinLink() {
        MailTestData.TestEvent event = data.onlineEvent("Webinar met wachtlijst");
        Long id = data.register(event.id(), uniqueEmail("door"), "Daan", "nl", RegistrationStatus.WAITLISTED,
                Change.WAITLISTED);
        data.mailsFor(id); // the sender rendered the waiting-list mail before the promotion
        data.change(id, RegistrationStatus.CONFIRMED, Change.PROMOTED);

        List<OutboxMail> mails = data.mailsFor(id);
        assertEquals(List.of(MailKind.WAITING_LIST, MailKind.PROMOTION), kinds(mails));
        assertEquals("Er is een plek voor je vrijgekomen: Webinar met wachtlijst", mails.get(1).subject);
        assertContains(mails.get(1).textBody, "Goed nieuws", "Deelnemen: " + JOIN_URL);
        assertTrue(mails.get(0).attachments.isEmpty());
        assertEquals("REQUEST", Invites.method(Invites.parse(mails.get(1).attachments.get(0).content)));
    }

    @Test
    void duplicateSignUpMailPointsToTheExistingRegistration() {
        MailTestData.TestEvent event = data.onlineEvent("Dubbel aangemeld");
        Long id = data.register(event.id(), uniqueEmail("dubbel"), "Dirk", "nl", RegistrationStatus.WAITLISTED,
                Change.WAITLISTED);
        data.change(id, RegistrationStatus.WAITLISTED, Change.DUPLICATE_SIGNUP);

        OutboxMail mail = data.mailsFor(id).get(1);
        assertEquals(MailKind.DUPLICATE_SIGNUP, mail.kind);
        assertEquals("Je was al aangemeld: Dubbel aangemeld", mail.subject);
        assertContains(mail.textBody, "je was al aangemeld", "Je staat op de wachtlijst.",
                "/registrations/" + registration(id).token);
        assertLacks(mail.textBody, JOIN_URL);
    }

    @Test
    void repeatedDuplicateSignUpsSendOneMailPerQuietPeriod() {
        MailTestData.TestEvent event = data.onlineEvent("Vaak aangemeld");
        Long id = data.register(event.id(), uniqueEmail("vaak"), "Vera", "nl", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED);
        for (int i = 0; i < 5; i++) {
            data.change(id, RegistrationStatus.CONFIRMED, Change.DUPLICATE_SIGNUP);
        }

        assertEquals(List.of(MailKind.CONFIRMATION, MailKind.DUPLICATE_SIGNUP), kinds(data.mailsFor(id)));
    }

    @Test
    void inPersonEventShowsTheVenueAndNoJoinLink() {
        MailTestData.TestEvent event = data.event("Werkbezoek", nl.kennisagenda.event.EventFormat.IN_PERSON,
                java.time.LocalDate.of(2027, 2, 3));
        Long id = data.register(event.id(), uniqueEmail("zaal"), "Zeno", "nl", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED);

        OutboxMail mail = data.onlyMailFor(id);
        assertContains(mail.textBody, "Waar: Stadhuis, Vlissingen");
        assertLacks(mail.textBody, "Deelnemen", "Online");
    }

    @Test
    void visitorAndOrganiserTextIsEscapedInHtmlAndKeptOutOfHeaders() {
        MailTestData.TestEvent event = data.onlineEvent("Kwaadaardig\r\nBcc: victim@example.org <b>titel</b>");
        Long id = data.register(event.id(), uniqueEmail("x"), "<script>alert(1)</script>\r\nBcc: evil@example.org",
                "nl", RegistrationStatus.CONFIRMED, Change.CONFIRMED);

        OutboxMail mail = data.onlyMailFor(id);
        assertEquals("Aanmelding bevestigd: Kwaadaardig Bcc: victim@example.org <b>titel</b>", mail.subject);
        assertLacks(mail.htmlBody, "<script>", "<b>titel</b>");
        assertContains(mail.htmlBody, "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;titel&lt;/b&gt;");
        assertLacks(mail.recipient, "\n", "\r", "evil");
    }

    @Test
    void theOutboxRefusesAnAddressWithALineBreakAndWritesNothing() {
        String address = "a@example.org\r\nBcc: evil@example.org";
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count());

        assertThrows(InvalidMailAddressException.class, () -> QuarkusTransaction.requiringNew().run(
                () -> outbox.enqueue(new OutgoingMail(MailKind.CONFIRMATION, null, address, "Onderwerp", "Tekst",
                        null, List.of()))));

        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxMail.count()));
    }

    @Test
    void enqueueNeedsTheTransactionOfTheChange() {
        OutgoingMail mail = new OutgoingMail(MailKind.CONFIRMATION, null, "a@example.org", "Onderwerp", "Tekst",
                null, List.of());
        assertThrows(jakarta.transaction.TransactionalException.class, () -> outbox.enqueue(mail));
    }

    @Test
    void aChangeThatRollsBackLeavesNoMail() {
        MailTestData.TestEvent event = data.onlineEvent("Teruggedraaid");
        String email = uniqueEmail("terug");
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count());

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Registration registration = data.newRegistration(event.id(), email, "Tom", "nl",
                    RegistrationStatus.CONFIRMED);
            jakarta.enterprise.inject.spi.CDI.current().getBeanManager().getEvent()
                    .select(nl.kennisagenda.registration.RegistrationChanged.class)
                    .fire(new nl.kennisagenda.registration.RegistrationChanged(registration, Change.CONFIRMED));
            assertEquals(1, OutboxMail.count("recipient", email));
            throw new IllegalStateException("the sign-up fails after the mail was written");
        }));

        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> OutboxMail.count()));
    }

    @Test
    void reschedulingMailsEveryConfirmedAttendeeButNotTheWaitingList() {
        MailTestData.TestEvent event = data.onlineEvent("Verplaatst webinar");
        Long confirmed = data.register(event.id(), uniqueEmail("c"), "Cor", "nl", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED);
        Long waiting = data.register(event.id(), uniqueEmail("w"), "Wil", "nl", RegistrationStatus.WAITLISTED,
                Change.WAITLISTED);

        data.mailsFor(confirmed); // the confirmation was rendered (SEQUENCE 0) before the reschedule
        data.reschedule(event.id());

        List<OutboxMail> confirmedMails = data.mailsFor(confirmed);
        assertEquals(List.of(MailKind.CONFIRMATION, MailKind.EVENT_UPDATED), kinds(confirmedMails));
        assertEquals("Gewijzigd: Verplaatst webinar", confirmedMails.get(1).subject);
        assertContains(confirmedMails.get(1).textBody, "vrijdag " + (DAY + 1) + " januari " + YEAR + ", 10:30–12:00", JOIN_URL);
        net.fortuna.ical4j.model.Calendar before = Invites.parse(confirmedMails.get(0).attachments.get(0).content);
        net.fortuna.ical4j.model.Calendar after = Invites.parse(confirmedMails.get(1).attachments.get(0).content);
        assertEquals("REQUEST", Invites.method(after));
        assertEquals(Invites.property(before, "UID"), Invites.property(after, "UID"));
        assertEquals("0", Invites.property(before, "SEQUENCE"));
        assertEquals("1", Invites.property(after, "SEQUENCE"));
        assertEquals(MailTestData.EVENT_DAY.plusDays(1).toString().replace("-", "") + "T103000",
                Invites.property(after, "DTSTART"));
        assertEquals(List.of(MailKind.WAITING_LIST), kinds(data.mailsFor(waiting)));
    }

    @Test
    void cancellingTheEventMailsConfirmedAndWaitlistedButNotTheCancelled() {
        MailTestData.TestEvent event = data.onlineEvent("Afgelast webinar");
        Long confirmed = data.register(event.id(), uniqueEmail("c"), "Cor", "en", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED);
        Long waiting = data.register(event.id(), uniqueEmail("w"), "Wil", "nl", RegistrationStatus.WAITLISTED,
                Change.WAITLISTED);
        Long cancelled = data.register(event.id(), uniqueEmail("x"), "Xan", "nl", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED);
        data.change(cancelled, RegistrationStatus.CANCELLED, Change.CANCELLED);

        data.cancelEvent(event.id());

        OutboxMail toConfirmed = data.mailsFor(confirmed).get(1);
        assertEquals(MailKind.EVENT_CANCELLED, toConfirmed.kind);
        assertEquals("Cancelled: Afgelast webinar", toConfirmed.subject);
        assertContains(toConfirmed.textBody, "will not take place");
        assertLacks(toConfirmed.textBody, JOIN_URL);
        assertEquals(List.of(MailKind.WAITING_LIST, MailKind.EVENT_CANCELLED), kinds(data.mailsFor(waiting)));
        assertEquals("CANCEL", Invites.method(Invites.parse(toConfirmed.attachments.get(0).content)));
        assertEquals("CANCEL", Invites.method(Invites.parse(data.mailsFor(waiting).get(1).attachments.get(0).content)));
        assertEquals(List.of(MailKind.CONFIRMATION, MailKind.CANCELLATION), kinds(data.mailsFor(cancelled)));
    }

    @Test
    void waitingListMailSaysWhichChosenSessionIsFullWhenTheEventIsNot() {
        MailTestData.TestEvent event = data.onlineEvent("Webinar met volle sessie");
        fill(event.id(), event.sessionA(), false);
        Long id = data.register(event.id(), uniqueEmail("sessievol"), "Sem", "nl", RegistrationStatus.WAITLISTED,
                Change.WAITLISTED, event.sessionA());

        OutboxMail mail = data.onlyMailFor(id);
        assertContains(mail.textBody,
                "Er is nog plaats bij de bijeenkomst, maar de sessie die je koos is vol:\n- Sessie Wonen\n",
                "Daarom sta je op de wachtlijst.",
                "Liever meteen een plek? Kies via de link onder ‘Je aanmelding’ een sessie die nog plaats heeft.");
        assertLacks(mail.textBody, "De bijeenkomst is vol");
        assertContains(mail.htmlBody, "<li>Sessie Wonen</li>");
        assertLacks(mail.htmlBody, "De bijeenkomst is vol");
    }

    @Test
    void waitingListMailSaysTheEventIsFullWhenItIs() {
        MailTestData.TestEvent event = data.onlineEvent("Volgeboekt webinar");
        fill(event.id(), null, true);
        Long id = data.register(event.id(), uniqueEmail("eventvol"), "Eef", "en", RegistrationStatus.WAITLISTED,
                Change.WAITLISTED, event.sessionB());

        OutboxMail mail = data.onlyMailFor(id);
        assertContains(mail.textBody, "The event is full.\n", "So you are on the waiting list.");
        assertLacks(mail.textBody, "session you chose is full", "choose a session that still has places");
    }

    @Test
    void cancellationSaysWhatIsTrueAndOffersToSignUpAgainWhileSignUpIsOpen() {
        MailTestData.TestEvent event = data.onlineEvent("Webinar om opnieuw te proberen");
        Long id = data.register(event.id(), uniqueEmail("spijt"), "Sofie", "nl", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED);
        data.change(id, RegistrationStatus.CANCELLED, Change.CANCELLED);

        OutboxMail cancellation = data.mailsFor(id).get(1);
        String slug = QuarkusTransaction.requiringNew().call(
                () -> nl.kennisagenda.event.Event.<nl.kennisagenda.event.Event>findById(event.id()).slug);
        assertContains(cancellation.textBody,
                "Je afmelding is verwerkt: je bent niet meer aangemeld voor deze bijeenkomst.",
                "Zolang de aanmelding open is, kun je je opnieuw aanmelden:\nhttp://localhost:8080/events/" + slug,
                "Je aanmelding: Bekijken\n");
        assertLacks(cancellation.textBody, "wachtlijst", "wijzigen of annuleren", "Je programma");
        assertContains(cancellation.htmlBody, "<a href=\"http://localhost:8080/events/" + slug + "\"");
        assertLacks(cancellation.htmlBody, "wachtlijst", "wijzigen of annuleren");
    }

    @Test
    void cancellationOffersNoNewSignUpOnceSignUpHasClosed() {
        MailTestData.TestEvent event = data.onlineEvent("Webinar met gesloten aanmelding");
        Long id = data.register(event.id(), uniqueEmail("laat"), "Lot", "nl", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED);
        QuarkusTransaction.requiringNew().run(() -> nl.kennisagenda.event.Event.<nl.kennisagenda.event.Event>findById(
                event.id()).signupClosesAt = java.time.Instant.now().minusSeconds(60));
        data.change(id, RegistrationStatus.CANCELLED, Change.CANCELLED);

        OutboxMail cancellation = data.mailsFor(id).get(1);
        assertContains(cancellation.textBody, "Je afmelding is verwerkt");
        assertLacks(cancellation.textBody, "opnieuw aanmelden", "/events/");
    }

    @Test
    void aSessionChangeMailsTheNewProgrammeWithTheUpdatedInviteWhileConfirmedOnly() {
        MailTestData.TestEvent event = data.onlineEvent("Webinar met wissel");
        Long confirmed = data.register(event.id(), uniqueEmail("wissel"), "Wout", "nl", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED, event.sessionA());
        Long waiting = data.register(event.id(), uniqueEmail("wissel"), "Wanda", "nl", RegistrationStatus.WAITLISTED,
                Change.WAITLISTED, event.sessionA());
        data.mailsFor(confirmed); // the confirmation was rendered before the change

        data.changeSession(confirmed, event.sessionA(), event.sessionB());
        data.changeSession(waiting, event.sessionA(), event.sessionB());

        List<OutboxMail> mails = data.mailsFor(confirmed);
        assertEquals(List.of(MailKind.CONFIRMATION, MailKind.SESSIONS_CHANGED), kinds(mails));
        OutboxMail changed = mails.get(1);
        assertEquals("Je sessies zijn gewijzigd: Webinar met wissel", changed.subject);
        assertContains(changed.textBody, "Je sessiekeuze is gewijzigd.",
                "10:45–11:30 Ronde 1, jouw keuze: Sessie Zorg\n", "Andere sessies\n10:45–11:30 Ronde 1: Sessie Wonen\n",
                "In de bijlage zit een agenda-uitnodiging");
        net.fortuna.ical4j.model.Calendar before = Invites.parse(mails.get(0).attachments.get(0).content);
        net.fortuna.ical4j.model.Calendar after = Invites.parse(changed.attachments.get(0).content);
        assertEquals("REQUEST", Invites.method(after));
        assertEquals(Invites.property(before, "UID"), Invites.property(after, "UID"));
        assertEquals(Integer.parseInt(Invites.property(before, "SEQUENCE")) + 1,
                Integer.parseInt(Invites.property(after, "SEQUENCE")));

        OutboxMail toWaiting = data.mailsFor(waiting).get(1);
        assertEquals(MailKind.SESSIONS_CHANGED, toWaiting.kind);
        assertTrue(toWaiting.attachments.isEmpty(), "a waitlisted person has no entry to update");
        assertLacks(toWaiting.textBody, "agenda-uitnodiging", JOIN_URL);
    }

    @Test
    void theJoinLinkIsNotCalledPersonalBecauseEveryAttendeeGetsTheSameOne() {
        MailTestData.TestEvent event = data.onlineEvent("Webinar met gedeelde link");
        Long dutch = data.register(event.id(), uniqueEmail("link"), "Lies", "nl", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED);
        Long english = data.register(event.id(), uniqueEmail("link"), "Liz", "en", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED);

        OutboxMail nl = data.onlyMailFor(dutch);
        assertContains(nl.textBody, "Deelnemen: " + JOIN_URL + "\nDeze link is voor de deelnemers aan deze bijeenkomst.");
        assertLacks(nl.textBody, "link is persoonlijk");
        assertLacks(nl.htmlBody, "link is persoonlijk");
        OutboxMail en = data.onlyMailFor(english);
        assertContains(en.textBody, "Join: " + JOIN_URL + "\nThis link is for the attendees of this event.");
        assertLacks(en.textBody, "personal for");
    }

    @Test
    void programmeShowsTheOwnSessionsWithTheirRoomAndTheOthersBelowInTidyText() {
        MailTestData.TestEvent event = data.onlineEvent("Webinar met zalen");
        QuarkusTransaction.requiringNew().run(() -> {
            nl.kennisagenda.event.ProgrammeItem.<nl.kennisagenda.event.ProgrammeItem>findById(event.sessionA()).room =
                    "Zaal Schelde";
            nl.kennisagenda.event.ProgrammeItem.<nl.kennisagenda.event.ProgrammeItem>findById(event.sessionB()).room =
                    "Zaal Amstel";
        });
        Long id = data.register(event.id(), uniqueEmail("zaal"), "Zita", "nl", RegistrationStatus.CONFIRMED,
                Change.CONFIRMED, event.sessionB());

        OutboxMail mail = data.onlyMailFor(id);
        assertContains(mail.textBody,
                "Je programma\n10:30–10:45 Welkom\n10:45–11:30 Ronde 1, jouw keuze: Sessie Zorg (Zaal Amstel)\n"
                        + "11:30–12:00 Afsluiting\n\nAndere sessies\n10:45–11:30 Ronde 1: Sessie Wonen (Zaal Schelde)\n");
        assertLacks(mail.textBody, "  ", "[jouw keuze]");
        int own = mail.htmlBody.indexOf("Sessie Zorg");
        int other = mail.htmlBody.indexOf("Andere sessies");
        assertTrue(own > 0 && other > own && mail.htmlBody.indexOf("Sessie Wonen") > other, mail.htmlBody);
    }

    @Test
    void theAnswersToTheEventsOwnQuestionsAreReadBack() {
        MailTestData.TestEvent event = data.onlineEvent("Webinar met lunch");
        QuarkusTransaction.requiringNew().run(() -> {
            nl.kennisagenda.event.Event e = nl.kennisagenda.event.Event.findById(event.id());
            question(e, 10, "dieet", "Dieetwensen", "Dietary wishes", nl.kennisagenda.event.FieldType.TEXT);
            question(e, 11, "lunch", "Ik blijf lunchen", "I will stay for lunch",
                    nl.kennisagenda.event.FieldType.CHECKBOX);
            question(e, 12, "opmerking", "Opmerking", "Remark", nl.kennisagenda.event.FieldType.TEXTAREA);
        });
        String email = uniqueEmail("dieet");
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            Registration registration = data.newRegistration(event.id(), email, "Dina", "nl",
                    RegistrationStatus.CONFIRMED, event.sessionA());
            registration.answers.put("dieet", "Vegetarisch, <geen> noten");
            registration.answers.put("lunch", "true");
            registration.organisationName = "Gemeente Goes";
            jakarta.enterprise.inject.spi.CDI.current().getBeanManager().getEvent()
                    .select(nl.kennisagenda.registration.RegistrationChanged.class)
                    .fire(new nl.kennisagenda.registration.RegistrationChanged(registration, Change.CONFIRMED));
            return registration.id;
        });

        OutboxMail mail = data.onlyMailFor(id);
        assertContains(mail.textBody, "Je antwoorden\nDieetwensen: Vegetarisch, <geen> noten\nIk blijf lunchen: Ja\n",
                "10:45–11:30 Ronde 1, jouw keuze: Sessie Wonen");
        assertLacks(mail.textBody, "Opmerking", "Gemeente Goes");
        assertContains(mail.htmlBody, "Dieetwensen</th>", "Vegetarisch, &lt;geen&gt; noten");
    }

    private static void question(nl.kennisagenda.event.Event event, int order, String key, String nl, String en,
            nl.kennisagenda.event.FieldType type) {
        nl.kennisagenda.event.FormField field = new nl.kennisagenda.event.FormField();
        field.event = event;
        field.sortOrder = order;
        field.fieldKey = key;
        field.labelNl = nl;
        field.labelEn = en;
        field.type = type;
        field.persist();
        event.formFields.add(field);
    }

    /** Takes every place of the event ({@code event}) or of one session. */
    private static void fill(Long eventId, Long sessionId, boolean event) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (event) {
                nl.kennisagenda.event.Event e = nl.kennisagenda.event.Event.findById(eventId);
                e.capacity = 2;
                e.confirmedCount = 2;
            } else {
                nl.kennisagenda.event.ProgrammeItem session = nl.kennisagenda.event.ProgrammeItem.findById(sessionId);
                session.capacity = 1;
                session.confirmedCount = 1;
            }
        });
    }

    private static List<MailKind> kinds(List<OutboxMail> mails) {
        return mails.stream().map(mail -> mail.kind).toList();
    }

    private static Registration registration(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration registration = Registration.findById(id);
            registration.attendee.calendarToken.length();
            return registration;
        });
    }
}
