package nl.kennisagenda.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFixtures;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.mail.GreenMailProfile;
import nl.kennisagenda.mail.MailAttachment;
import nl.kennisagenda.mail.MailClientWarmUp;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.MailStatus;
import nl.kennisagenda.mail.MailTestData;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutboxSender;
import nl.kennisagenda.mail.SmtpServer;
import nl.kennisagenda.newsletter.subscription.ConsentSource;
import nl.kennisagenda.newsletter.subscription.ConsentTexts;
import nl.kennisagenda.newsletter.subscription.Subscriptions;
import nl.kennisagenda.privacy.data.Anonymiser;
import nl.kennisagenda.privacy.data.PersonalData;
import nl.kennisagenda.privacy.data.PersonalDataExport;
import nl.kennisagenda.privacy.data.RetentionJob;
import nl.kennisagenda.privacy.data.RetentionSettings;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * Retention, access and erasure (issue 13, "Privacy duties"): what is anonymised and what stays, checked in the
 * tables themselves; the mails through real SMTP (GreenMail).
 */
@QuarkusTest
@TestProfile(GreenMailProfile.class)
class PersonalDataTest {

    static final Locale NL = Locale.forLanguageTag("nl");
    static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    SmtpServer smtp;

    @Inject
    EntityManager em;

    @Inject
    RetentionJob job;

    @Inject
    RetentionSettings settings;

    @Inject
    PersonalData data;

    @Inject
    RegistrationService registrations;

    @Inject
    MailTestData mailData;

    @Inject
    OutboxSender sender;

    @Inject
    MailClientWarmUp mailClient;

    @Inject
    Subscriptions subscriptions;

    @Inject
    AuditLog audit;

    @BeforeEach
    void mailServer() {
        smtp.start();
        mailClient.awaitDelivery(smtp);
    }

    @AfterEach
    void removeTestEvents() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update organisations set retention_months = null where slug = 'platform31'").executeUpdate());
        // Registrations hold their events; the fixtures' clean-up removes events only when nothing refers to them.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from outbox_mails where registration_id in (select r.id from registrations r"
                    + " join events e on e.id = r.event_id where e.slug like 'test-privacy-%')").executeUpdate();
            em.createNativeQuery("delete from registrations where event_id in (select id from events"
                    + " where slug like 'test-privacy-%')").executeUpdate();
        });
        EventFixtures.cleanUp();
    }

    // ---------------------------------------------------------------- retention

    @Test
    void retentionAnonymisesOnlyRegistrationsOfEventsEndedLongerAgoThanThePeriodAndCountsStay() {
        String email = MailTestData.uniqueEmail("bewaar");
        Event old = event("oud", Duration.ofDays(-400), 50, null);
        Event recent = event("recent", Duration.ofDays(-30), 50, null);
        long oldId = registered(old, email, "Marieke", RegistrationStatus.CONFIRMED, true);
        long recentId = registered(recent, email, "Marieke", RegistrationStatus.CONFIRMED, true);
        long sentMail = mail(oldId, email, MailStatus.SENT);
        long pendingMail = mail(oldId, email, MailStatus.PENDING);
        QuarkusTransaction.requiringNew().run(() -> audit.record(nl.kennisagenda.account.ActedBy.system(),
                Event.findById(old.id), "REGISTRATION_CHECKED_IN", email + " (#" + oldId + ")"));
        Map<String, Object> before = counts(old.id);

        job.anonymiseDue(Instant.now(), () -> { });

        Map<String, Object> row = row("select first_name, last_name, email, job_role, status, checked_in_at,"
                + " anonymised_at, token from registrations where id = " + oldId);
        assertEquals("Anoniem", row.get("first_name"));
        assertTrue(Anonymiser.isPlaceholder((String) row.get("email")), "placeholder address: " + row.get("email"));
        assertNull(row.get("job_role"));
        assertEquals("CONFIRMED", row.get("status"), "status stays");
        assertNotNull(row.get("checked_in_at"), "check-in stays");
        assertNotNull(row.get("anonymised_at"));
        assertEquals(List.of("lunch"), strings("select field_key from registration_answers where registration_id = "
                + oldId), "the choice stays, the phone number goes");
        assertEquals(before, counts(old.id), "counts of the event stay");
        assertEquals(0L, count("select count(*) from outbox_mails where registration_id = " + oldId
                + " and (lower(recipient) = '" + email + "' or text_body is not null or subject is not null)"));
        assertEquals(0L, count("select count(*) from outbox_mail_attachments where mail_id = " + sentMail));
        assertEquals("SENT", row("select status from outbox_mails where id = " + sentMail).get("status"));
        assertEquals("SUPERSEDED", row("select status from outbox_mails where id = " + pendingMail).get("status"),
                "a mail not sent yet is not sent any more");
        assertEquals(0L, count("select count(*) from audit_log where event_id = " + old.id + " and detail like '%"
                + email + "%'"));
        assertEquals(1L, count("select count(*) from audit_log where event_id = " + old.id + " and detail like '"
                + Anonymiser.REMOVED + " (#" + oldId + ")%'"));

        Map<String, Object> untouched = row("select first_name, email, anonymised_at from registrations where id = "
                + recentId);
        assertEquals("Marieke", untouched.get("first_name"), "an event within the period keeps its data");
        assertEquals(email, untouched.get("email"));
        assertNull(untouched.get("anonymised_at"));
        assertEquals(2L, count("select count(*) from registration_answers where registration_id = " + recentId));
        assertEquals(1L, count("select count(*) from registrations r join attendees a on a.id = r.attendee_id"
                + " where a.email = '" + email + "'"), "the person's attendee keeps only the recent registration");
    }

    @Test
    void anOrganisationsOwnPeriodAppliesToItsEvents() {
        Actor admin = actor("admin@example.org");
        settings.save(admin, "platform31", "2");
        String email = MailTestData.uniqueEmail("termijn");
        long threeMonths = registered(event("drie", Duration.ofDays(-92), 50, null), email, "Joost",
                RegistrationStatus.CONFIRMED, false);
        long oneMonth = registered(event("een", Duration.ofDays(-31), 50, null), email, "Joost",
                RegistrationStatus.CANCELLED, false);

        job.anonymiseDue(Instant.now(), () -> { });

        assertNotNull(row("select anonymised_at from registrations where id = " + threeMonths).get("anonymised_at"));
        assertNull(row("select anonymised_at from registrations where id = " + oneMonth).get("anonymised_at"));
        assertEquals(2, settings.monthsOf(Organisation.<Organisation>find("slug", "platform31").firstResult()));
    }

    @Test
    void theRetentionPeriodIsChangedOnlyByTheOrganisationsOrganisersWithinLimits() {
        assertThrows(ForbiddenException.class, () -> settings.save(actor("vilans@example.org"), "platform31", "6"));
        Actor organiser = actor("platform31@example.org");
        assertThrows(RetentionSettings.InvalidMonthsException.class, () -> settings.save(organiser, "platform31",
                "0"));
        assertThrows(RetentionSettings.InvalidMonthsException.class, () -> settings.save(organiser, "platform31",
                "121"));
        assertThrows(RetentionSettings.InvalidMonthsException.class, () -> settings.save(organiser, "platform31",
                "zes"));
        assertEquals(6, settings.save(organiser, "platform31", " 6 ").effectiveMonths());
        assertEquals(1L, count("select count(*) from audit_log where action = '" + RetentionSettings.AUDIT_ACTION
                + "' and detail like '% -> 6 months'"));
        assertEquals(12, settings.save(organiser, "platform31", "").effectiveMonths(), "empty: the default");
    }

    @Test
    void theRetentionJobRunsOnceADayAndTakesOverARunWhoseLeaseRanOut() {
        Instant now = Instant.now();
        setJob("null", "null", "null");
        assertTrue(job.run(now).isPresent(), "the first run of the day");
        assertTrue(job.run(now).isEmpty(), "done for today");

        setJob("null", "'" + now.plusSeconds(600) + "'", "'other-instance'");
        assertTrue(job.run(now).isEmpty(), "another instance holds the run");
        setJob("null", "'" + now.minusSeconds(60) + "'", "'dead-instance'");
        assertTrue(job.run(now).isPresent(), "its lease ran out: taken over");
        assertNull(row("select lease_until from privacy_jobs where name = 'retention'").get("lease_until"));
    }

    @Test
    void endedNewsletterSubscriptionsGoAfterThePeriodAndCurrentOnesStay() {
        String gone = MailTestData.uniqueEmail("oud-abonnee");
        String current = MailTestData.uniqueEmail("abonnee");
        String goneToken = subscribe(gone);
        subscribe(current);
        subscriptions.unsubscribe(goneToken, "LINK");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update newsletter_subscribers"
                + " set unsubscribed_at = :at where email_key = :key").setParameter("at", Instant.now().minus(
                        Duration.ofDays(400))).setParameter("key", gone).executeUpdate());

        assertTrue(job.anonymiseDue(Instant.now(), () -> { }).subscribers() >= 1);

        assertEquals(0L, count("select count(*) from newsletter_subscribers where email_key = '" + gone + "'"));
        assertEquals(0L, count("select count(*) from outbox_mails where lower(recipient) = '" + gone + "'"));
        assertEquals(1L, count("select count(*) from newsletter_subscribers where email_key = '" + current + "'"),
                "a pending request of today stays");
    }

    // ---------------------------------------------------------------- access (export)

    @Test
    void theExportFromTheManageLinkHoldsTheRegistrationsMailsAndSubscription() {
        String email = MailTestData.uniqueEmail("inzage");
        Event event = event("inzage", Duration.ofDays(20), 50, null);
        String token = signUp(event, email, "Ilse");
        subscribe(email);

        Browser browser = Browser.open("/registrations/" + token + "/personal-data");
        assertEquals(200, browser.last.statusCode());
        assertTrue(browser.last.asString().contains(email));
        assertEquals(403, browser.request().contentType("application/x-www-form-urlencoded").redirects().follow(false)
                .post("/registrations/" + token + "/personal-data/export").statusCode(), "without the CSRF token");

        Response export = browser.post().post("/registrations/" + token + "/personal-data/export");
        assertEquals(200, export.statusCode());
        assertTrue(export.header("Content-Disposition").startsWith("attachment"));
        JsonPath json = export.jsonPath();
        assertEquals(email, json.getString("address"));
        assertEquals("Ilse", json.getString("registrations[0].firstName"));
        assertEquals(event.title, json.getString("registrations[0].event"));
        assertEquals("CONFIRMED", json.getString("registrations[0].status"));
        assertTrue(json.getList("mails.kind").contains("CONFIRMATION"), json.getList("mails.kind").toString());
        assertTrue(json.getList("mails.kind").contains("NEWSLETTER_CONFIRMATION"));
        assertEquals(email, json.getString("subscriptions[0].email"));
        assertNotNull(json.getString("subscriptions[0].consents[0].consentText"));
        assertTrue(count("select count(*) from audit_log where action = '" + PersonalData.EXPORTED + "'"
                + " and detail like '1 registrations, % mails, 1 subscriptions'") >= 1, "the download is audited");
        assertEquals(0L, count("select count(*) from audit_log where action = '" + PersonalData.EXPORTED + "'"
                + " and detail like '%" + email + "%'"), "the audit entry names no address");
    }

    @Test
    void anUnknownOrAnonymisedLinkShowsNothing() {
        given().get("/registrations/bestaat-niet/personal-data").then().statusCode(404);
        given().get("/newsletter/preferences/bestaat-niet/personal-data").then().statusCode(404);
    }

    // ---------------------------------------------------------------- erasure

    @Test
    void erasureFromTheManageLinkRemovesTheAddressEverywhereFreesThePlaceAndSendsNothingToIt() throws Exception {
        String email = MailTestData.uniqueEmail("wis");
        String waiting = MailTestData.uniqueEmail("wacht");
        Event full = event("vol", Duration.ofDays(20), 1, null);
        String token = signUp(full, email, "Wessel");
        signUp(full, waiting, "Wendy");
        Event past = event("voorbij", Duration.ofDays(-10), 50, null);
        long pastId = registered(past, email, "Wessel", RegistrationStatus.CONFIRMED, false);
        registrations.checkIn(actor("platform31@example.org"), past.id, pastId);
        subscribe(email);
        MailTestData.sendEverythingDue(sender, Instant.now());
        smtp.purge();
        assertEquals(1L, count("select count(*) from audit_log where detail like '%" + email + "%'"),
                "the organiser's check-in quotes the address");
        Map<String, Object> pastCounts = counts(past.id);

        Browser browser = Browser.open("/registrations/" + token + "/personal-data/erase");
        assertEquals(200, browser.last.statusCode());
        Response erased = browser.post().post("/registrations/" + token + "/personal-data/erase");
        assertEquals(200, erased.statusCode());

        for (String query : List.of(
                "select count(*) from registrations where lower(email) = '%s' or lower(first_name) = 'wessel'",
                "select count(*) from attendees where email = '%s'",
                "select count(*) from outbox_mails where lower(recipient) = '%s'",
                "select count(*) from newsletter_subscribers where email_key = '%s' or lower(email) = '%s'",
                "select count(*) from audit_log where lower(detail) like '%%%s%%' or lower(actor_name) = '%s'",
                "select count(*) from organiser_message_recipients where recipient_key = '%s'")) {
            assertEquals(0L, count(query.formatted(email, email)), query);
        }
        Map<String, Object> fullNow = row("select confirmed_count, waitlisted_count from events where id = "
                + full.id);
        assertEquals(1, ((Number) fullNow.get("confirmed_count")).intValue(), "the freed place is taken again");
        assertEquals(0, ((Number) fullNow.get("waitlisted_count")).intValue());
        assertEquals("CONFIRMED", row("select status from registrations where lower(email) = '" + waiting + "'")
                .get("status"), "the waiting list moved up");
        assertEquals(pastCounts, counts(past.id), "the past event's counts stay");
        assertEquals("CONFIRMED", row("select status from registrations where id = " + pastId).get("status"));
        assertTrue(count("select count(*) from audit_log where action = '" + PersonalData.ERASED + "'"
                + " and detail = 'erasure request: 2 registrations anonymised, 1 of them cancelled first'") >= 1,
                "the erasure is audited, with counts only");

        MailTestData.sendEverythingDue(sender, Instant.now());
        assertEquals(1, smtp.receivedBy(waiting).size(), "the promoted person hears of the place");
        assertEquals(0, smtp.receivedBy(email).size(), "nothing more goes to the erased address");
        given().get("/registrations/" + token).then().statusCode(404);
    }

    @Test
    void erasureFromTheNewsletterPreferencesLinkNeedsTheConfirmationPost() {
        String email = MailTestData.uniqueEmail("wis-nieuws");
        String token = subscribe(email);
        long id = count("select id from newsletter_subscribers where email_key = '" + email + "'");
        Browser browser = Browser.open("/newsletter/preferences/" + token + "/personal-data/erase");
        assertEquals(200, browser.last.statusCode());
        assertEquals(1L, count("select count(*) from newsletter_subscribers where email_key = '" + email + "'"),
                "showing the confirmation erases nothing");
        assertEquals(200, browser.post().post("/newsletter/preferences/" + token + "/personal-data/erase")
                .statusCode());
        assertEquals(0L, count("select count(*) from newsletter_subscribers where email_key = '" + email + "'"));
        assertEquals(PersonalData.ERASURE, row("select unsubscribe_method from newsletter_subscribers where id = "
                + id).get("unsubscribe_method"), "the row stays for the counts, anonymised");
    }

    // ---------------------------------------------------------------- who may

    @Test
    void organisersReachOnlyTheirOwnOrganisationsAndObserversNothing() {
        String email = MailTestData.uniqueEmail("rechten");
        Event ours = event("platform31", Duration.ofDays(-5), 50, null);
        Event theirs = event("vilans", Duration.ofDays(-5), 50, "vilans");
        long oursId = registered(ours, email, "Roos", RegistrationStatus.CONFIRMED, false);
        long theirsId = registered(theirs, email, "Roos", RegistrationStatus.CONFIRMED, false);
        Actor platform31 = actor("platform31@example.org");
        Actor vilans = actor("vilans@example.org");
        Actor observer = new Actor(-1, "waarnemer@example.org", "Waarnemer", Role.OBSERVER,
                platform31.organisationIds());

        assertThrows(ForbiddenException.class, () -> PersonalData.Scope.of(observer));
        PersonalDataExport seen = data.find(email, PersonalData.Scope.of(platform31), Instant.now());
        assertEquals(List.of(ours.title), seen.registrations().stream().map(r -> r.event()).toList());
        PersonalDataExport everything = data.find(email, PersonalData.Scope.of(actor("admin@example.org")),
                Instant.now());
        assertEquals(2, everything.registrations().size());

        data.erase(email, PersonalData.Scope.of(vilans), Instant.now());
        assertNull(row("select anonymised_at from registrations where id = " + oursId).get("anonymised_at"),
                "another organisation's erasure leaves ours");
        assertNotNull(row("select anonymised_at from registrations where id = " + theirsId).get("anonymised_at"));
        assertEquals("Roos", row("select first_name from registrations where id = " + oursId).get("first_name"));
    }

    // ---------------------------------------------------------------- helpers

    private Event event(String name, Duration startsIn, int capacity, String organisation) {
        Event event = EventFixtures.create("test-privacy-" + name + "-" + System.nanoTime(), startsIn, e -> {
            e.capacity = capacity;
            e.unlisted = true;
            if (organisation != null) {
                e.organisation = Organisation.findBySlug(organisation).orElseThrow();
            }
        });
        QuarkusTransaction.requiringNew().run(() -> {
            Event stored = Event.findById(event.id);
            field(stored, "telefoon", FieldType.PHONE, 10);
            FormField lunch = field(stored, "lunch", FieldType.SELECT, 11);
            lunch.options.addAll(List.of("ja", "nee"));
        });
        return event;
    }

    private static FormField field(Event event, String key, FieldType type, int order) {
        FormField field = new FormField();
        field.event = event;
        field.fieldKey = key;
        field.labelNl = key;
        field.labelEn = key;
        field.type = type;
        field.sortOrder = order;
        field.persist();
        event.formFields.add(field);
        return field;
    }

    /** A registration stored as it was (no mails), with a phone number and a lunch choice, checked in if asked. */
    private long registered(Event event, String email, String firstName, RegistrationStatus status,
            boolean checkedIn) {
        long id = mailData.registerQuietly(event.id, email, firstName, "nl", status, event.startsAt.minus(
                Duration.ofDays(7)));
        QuarkusTransaction.requiringNew().run(() -> {
            Registration registration = Registration.findById(id);
            registration.jobRole = "Beleidsmedewerker";
            registration.answers.put("telefoon", "0612345678");
            registration.answers.put("lunch", "ja");
            if (checkedIn) {
                registration.checkedInAt = event.startsAt;
                registration.checkedInBy = "Organisator";
            }
        });
        return id;
    }

    private String signUp(Event event, String email, String firstName) {
        registrations.signUp(event.slug, new SignupInput(Map.of("firstName", List.of(firstName), "lastName",
                List.of("de Vries"), "email", List.of(email), "lunch", List.of("ja")), List.of(), false), NL);
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find(
                "event.id = ?1 and email = ?2", event.id, email).firstResult().token);
    }

    private long mail(long registrationId, String email, MailStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMail mail = new OutboxMail();
            mail.kind = MailKind.CONFIRMATION;
            mail.registrationId = registrationId;
            mail.recipient = email;
            mail.locale = "nl";
            mail.subject = "Aanmelding bevestigd";
            mail.textBody = "Beste Marieke, tot dan.";
            mail.htmlBody = "<p>Beste Marieke</p>";
            mail.attachments.add(new MailAttachment("invite.ics", MailAttachment.INVITE_REQUEST,
                    "ATTENDEE:mailto:" + email));
            mail.messageId = "<privacy-" + System.nanoTime() + "@test>";
            mail.status = status;
            mail.createdAt = Instant.now().minus(Duration.ofDays(400));
            mail.nextAttemptAt = status == MailStatus.PENDING ? Instant.now().plus(Duration.ofDays(1))
                    : mail.createdAt;
            mail.renderedAt = mail.createdAt;
            mail.sentAt = status == MailStatus.SENT ? mail.createdAt : null;
            mail.persist();
            return mail.id;
        });
    }

    /** A pending newsletter request for the address; returns the subscriber's own (preferences) token. */
    private String subscribe(String email) {
        QuarkusTransaction.requiringNew().run(() -> subscriptions.request(new Subscriptions.Request(email, "Anna",
                NL, Set.of(Organisation.findBySlug("platform31").orElseThrow()), Set.of(), ConsentSource.FORM, null,
                ConsentTexts.form(NL))));
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select token from newsletter_subscribers where email_key = :key").setParameter("key", email)
                .getSingleResult());
    }

    private static Actor actor(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Actor.of(Account.findByEmail(email).orElseThrow()));
    }

    private void setJob(String doneDay, String leaseUntil, String claim) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update privacy_jobs set done_day = "
                + doneDay + ", lease_until = " + (leaseUntil.equals("null") ? "null" : "cast(" + leaseUntil
                        + " as timestamp with time zone)") + ", claim_token = " + claim + " where name = 'retention'")
                .executeUpdate());
    }

    private Map<String, Object> counts(long eventId) {
        Map<String, Object> counts = new java.util.TreeMap<>(row("select confirmed_count, waitlisted_count from events"
                + " where id = " + eventId));
        for (Object[] line : rows("select status, count(*) from registrations where event_id = " + eventId
                + " group by status")) {
            counts.put((String) line[0], ((Number) line[1]).longValue());
        }
        counts.put("checked in", count("select count(*) from registrations where checked_in_at is not null"
                + " and event_id = " + eventId));
        return counts;
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (List<Object[]>) em.createNativeQuery(sql)
                .getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql)
                .getResultList());
    }

    /** One row as column (lower case) → value. */
    private Map<String, Object> row(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> result = em.createNativeQuery(sql, jakarta.persistence.Tuple.class).getResultList();
            assertFalse(result.isEmpty(), "no row for " + sql);
            jakarta.persistence.Tuple tuple = (jakarta.persistence.Tuple) result.get(0);
            Map<String, Object> values = new java.util.TreeMap<>();
            tuple.getElements().forEach(element -> values.put(element.getAlias().toLowerCase(Locale.ROOT),
                    tuple.get(element)));
            return values;
        });
    }

    /** Plays a browser for the public forms: keeps the CSRF cookie and the token of the last page it opened. */
    static final class Browser {
        String cookie;
        String csrf;
        Response last;

        static Browser open(String path) {
            Browser browser = new Browser();
            browser.last = browser.request().get(path);
            browser.cookie = browser.last.getCookie("ka_csrf");
            Matcher matcher = TOKEN.matcher(browser.last.asString());
            if (matcher.find()) {
                browser.csrf = matcher.group(1);
            }
            return browser;
        }

        RequestSpecification post() {
            return request().contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects()
                    .follow(false).formParam("_csrf", csrf);
        }

        RequestSpecification request() {
            RequestSpecification spec = given().cookie("lang", "nl");
            return cookie == null ? spec : spec.cookie("ka_csrf", cookie);
        }
    }
}
