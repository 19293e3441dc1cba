package nl.kennisagenda.backoffice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.backoffice.service.BackofficeEvents;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.MailOutbox;
import nl.kennisagenda.mail.MailTestData;
import nl.kennisagenda.mail.OutgoingMail;
import nl.kennisagenda.message.OrganiserMessages;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.testsupport.Routes;

/**
 * Who sees what in the back-office. The route proof takes the application's own routes (every JAX-RS resource
 * method in the application's classes whose path starts with /admin or /api/admin, found by scanning the compiled
 * classes, not a list kept by hand) and calls each anonymously and as an organiser of another organisation.
 */
@QuarkusTest
class BackofficeAccessTest {

    /** Organisation A: the one whose data must stay hidden from outsiders. */
    private static final String A = "platform31";
    private static final String A_EVENT = "Ruimte voor eerstelijnszorg";
    /** The organiser of another organisation (B = Vilans). */
    private static final String OUTSIDER = "vilans@example.org";
    /** Routes open to everybody on purpose. */
    private static final Set<String> PUBLIC = Set.of("GET /admin/login", "GET /admin/password-reset",
            "POST /admin/password-reset", "GET /admin/password-reset/{token}", "POST /admin/password-reset/{token}");
    /**
     * Routes about the logged-in person's own account: open to every logged-in user (the outsider may see and
     * change their own name and password), closed to anonymous visitors; they show nothing of organisation A.
     */
    private static final Set<String> OWN_ACCOUNT = Set.of("GET /admin/account", "POST /admin/account/name",
            "POST /admin/account/password");

    private static final String OBSERVER = "meelezer-" + System.nanoTime() + "@example.org";
    private static final String MULTI = "twee-organisaties-" + System.nanoTime() + "@example.org";

    @Inject
    BackofficeEvents events;

    /** Real ids of organisation A's data, so the outsider is refused by access and not by a 404. */
    private static final java.util.Map<String, String> A_IDS = new java.util.HashMap<>();

    /** Routes every organiser may use for their own organisations (the speaker library): no data of A may show. */
    private static final Set<String> OPEN_TO_EVERY_ORGANISER = Set.of("GET /admin/speakers", "GET /admin/speakers/new",
            "POST /admin/speakers");

    record Route(String method, String template) {
        String path(String slug) {
            String path = template.replaceAll("\\{slug}", slug);
            for (var id : A_IDS.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", id.getValue());
            }
            return path.replaceAll("\\{[^}]+}", "x");
        }

        boolean isApi() {
            return template.startsWith("/api/");
        }

        /** An upload route that declares multipart only (a form-encoded body is a 415 before access is judged). */
        boolean readsMultipartOnly() {
            return Routes.all().stream().anyMatch(route -> route.method().equals(method)
                    && route.template().equals(template) && route.consumes("multipart/form-data"));
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @BeforeAll
    static void realIdsOfOrganisationA() {
        QuarkusTransaction.requiringNew().run(() -> {
            Event event = Event.<Event>find("organisation.slug = ?1 and title like ?2", A, A_EVENT + "%").firstResult();
            A_IDS.put("eventId", String.valueOf(event.id));
            // A speaker who speaks for A only, so the outsider has no other reason to see them.
            Long speakerId = Event.getEntityManager().createQuery("select s.id from ProgrammeItem p join p.speakers s"
                    + " where p.event.organisation.slug = :a and not exists (select 1 from ProgrammeItem q"
                    + " join q.speakers qs where qs = s and q.event.organisation.slug <> :a) order by s.id", Long.class)
                    .setParameter("a", A).setMaxResults(1).getSingleResult();
            A_IDS.put("speakerId", String.valueOf(speakerId));
            nl.kennisagenda.registration.Registration registration = nl.kennisagenda.registration.Registration
                    .<nl.kennisagenda.registration.Registration>find("event", event).firstResult();
            A_IDS.put("registrationId", String.valueOf(registration == null ? 0 : registration.id));
        });
    }

    @BeforeAll
    static void accounts() {
        BackofficeLoginTest.createAccount(OBSERVER, Role.OBSERVER, A);
        BackofficeLoginTest.createAccount(MULTI, Role.ORGANISER, A, "vilans");
        long token = QuarkusTransaction.requiringNew().call(() -> {
            Account organiser = Account.findByEmail("platform31@example.org").orElseThrow();
            return io.quarkus.arc.Arc.container().instance(nl.kennisagenda.account.ApiTokens.class).get()
                    .create(Actor.of(organiser), "Toegangsproef", null).token().id();
        });
        A_IDS.put("tokenId", String.valueOf(token));
        long accountId = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(A + "@example.org")
                .orElseThrow().id);
        A_IDS.put("accountId", String.valueOf(accountId));
        long eventId = QuarkusTransaction.requiringNew().call(() -> Event.<Event>find(
                "organisation.slug = ?1 and title like ?2", A, A_EVENT + "%").firstResult().id);
        String attendee = "toegang-" + System.nanoTime() + "@example.org";
        Long registrationId = Arc.container().instance(MailTestData.class).get().registerQuietly(eventId, attendee,
                "Toegang", "nl", RegistrationStatus.CONFIRMED, Instant.now());
        long mailId = QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(MailOutbox.class).get()
                .enqueue(new OutgoingMail(MailKind.CONFIRMATION, registrationId, attendee,
                        "Aanmelding bevestigd: " + A_EVENT, "tekst", "<p>html</p>", List.of())).id);
        A_IDS.put("mailId", String.valueOf(mailId));
        Actor administrator = QuarkusTransaction.requiringNew().call(() -> Actor.of(Account.findByEmail(
                "admin@example.org").orElseThrow()));
        long messageId = Arc.container().instance(OrganiserMessages.class).get().create(administrator, eventId,
                new OrganiserMessages.MessageInput("CONFIRMED", "Toegangsproef", "Alleen voor Platform31.", null, null,
                        List.of())).id;
        A_IDS.put("messageId", String.valueOf(messageId));
        A_IDS.put("issueId", String.valueOf(nl.kennisagenda.newsletter.sending.SendingFixtures.sendingIssue(A)));
    }

    @AfterAll
    static void removeAccounts() {
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>list("email in ?1", List.of(OBSERVER, MULTI))
                .forEach(Account::delete));
    }

    @Test
    void everyBackofficeRouteIsClosedToAnonymousVisitorsAndToOutsiders() throws Exception {
        List<Route> routes = backofficeRoutes();
        assertTrue(routes.size() >= 4, "found the back-office routes: " + routes);
        assertTrue(routes.contains(new Route("GET", "/admin")), routes.toString());
        assertTrue(routes.contains(new Route("GET", "/admin/organisations/{slug}")), routes.toString());
        assertTrue(routes.contains(new Route("POST", "/admin/logout")), routes.toString());
        assertTrue(routes.contains(new Route("GET", "/admin/mails/{mailId}")), routes.toString());
        assertTrue(routes.contains(new Route("POST", "/admin/accounts/{accountId}")), routes.toString());

        AdminClient outsider = AdminClient.loggedIn(OUTSIDER, AdminClient.DEMO_PASSWORD);
        for (Route route : routes) {
            if (PUBLIC.contains(route.toString())) {
                continue;
            }
            String path = route.path(A);
            Response anonymous = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .request(route.method(), path);
            assertClosed(route + " anonymously", anonymous, false);
            if (OWN_ACCOUNT.contains(route.toString())) {
                Response own = outsider.post().request(route.method(), path);
                assertTrue(List.of(200, 303, 422).contains(own.statusCode()), route + " " + own.statusCode());
                assertFalse(own.asString().contains(A_EVENT), route + " shows organisation A");
                continue;
            }

            // The outsider sends a valid CSRF token (pages) or a JSON body naming organisation A (API), so only
            // access decides.
            // Upload routes read multipart only (a form-encoded body is a 415 before access is judged): they get
            // multipart with the token.
            Response asOutsider = route.isApi()
                    ? outsider.request().redirects().follow(false).contentType("application/json")
                            .body("{\"organisationSlug\":\"" + A + "\"}").request(route.method(), path)
                    : route.readsMultipartOnly()
                            ? outsider.request().redirects().follow(false)
                                    .multiPart("_csrf", outsider.csrfToken()).request(route.method(), path)
                            : outsider.post().request(route.method(), path);
            if (OPEN_TO_EVERY_ORGANISER.contains(route.toString()) && asOutsider.statusCode() == 422) {
                // The outsider's own (empty) speaker was refused by validation: nothing of A was involved.
                assertFalse(asOutsider.asString().contains(A_EVENT), route + " shows organisation A");
                continue;
            }
            assertClosed(route + " as organiser of another organisation", asOutsider, true);
        }
    }

    private static void assertClosed(String what, Response response, boolean loggedIn) {
        int status = response.statusCode();
        String location = response.header("Location");
        boolean toLogin = (status == 302 || status == 303) && location != null && location.contains("/admin/login");
        if (status == 401 || status == 403 || toLogin) {
            return;
        }
        // A logged-in outsider may get a page of their own (200), or their own form back with its errors (422: the
        // access test posts no fields, e.g. to POST /admin/tokens, which makes a token for the caller): neither may
        // show anything of organisation A.
        assertTrue(loggedIn && (status == 200 || status == 422), what + " answered " + status + " " + location);
        String body = response.asString();
        assertFalse(body.contains(A_EVENT) || body.contains("/admin/organisations/" + A + "\""),
                what + " shows organisation A");
    }

    @Test
    void anOrganiserSeesTheEventsOfTheirOwnOrganisationOnly() {
        AdminClient organiser = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        organiser.get("/admin").then().statusCode(200)
                .body(containsString(A_EVENT))
                .body(not(containsString("Samen bouwen aan toekomstbestendige")))
                .body(containsString("<a href=\"/admin/organisations/platform31\">Platform31</a>"))
                .body(not(containsString("/admin/organisations/vilans")));
        organiser.get("/admin/organisations/platform31").then().statusCode(200).body(containsString(A_EVENT));
        organiser.get("/admin/organisations/vilans").then().statusCode(403);
        organiser.get("/admin/organisations/bestaat-niet").then().statusCode(404);
    }

    @Test
    void somebodyInTwoOrganisationsSeesBoth() {
        AdminClient both = AdminClient.loggedIn(MULTI, "een-lang-wachtwoord");
        both.get("/admin").then().statusCode(200)
                .body(containsString(A_EVENT))
                .body(containsString("Samen bouwen aan toekomstbestendige"))
                .body(not(containsString("Van regiobeeld naar regioplan")));
    }

    @Test
    void anObserverReadsTheSameListButMayChangeNothing() {
        AdminClient observer = AdminClient.loggedIn(OBSERVER, "een-lang-wachtwoord");
        observer.get("/admin").then().statusCode(200)
                .body(containsString(A_EVENT))
                .body(containsString("(meelezer)"));
        Actor actor = actor(OBSERVER);
        Organisation platform31 = organisation(A);
        assertTrue(AccessPolicy.canRead(actor, platform31));
        assertFalse(AccessPolicy.canChange(actor, platform31));
        assertThrows(ForbiddenException.class, () -> AccessPolicy.requireCanChange(actor, platform31));
        assertFalse(events.eventsOf(actor, A).orElseThrow().canChange());
    }

    @Test
    void theServiceChecksTheActorItself() {
        Actor outsider = actor(OUTSIDER);
        assertThrows(ForbiddenException.class, () -> events.eventsOf(outsider, A));
        assertTrue(events.events(outsider, 1).rows().stream().noneMatch(row -> row.title().startsWith(A_EVENT)));
        Actor organiser = actor("platform31@example.org");
        assertTrue(events.eventsOf(organiser, A).orElseThrow().canChange());
        Actor administrator = actor("admin@example.org");
        long all = QuarkusTransaction.requiringNew().call(() -> Event.count());
        assertEquals(all, events.events(administrator, 1).total());
        assertTrue(AccessPolicy.canManageAccounts(administrator));
        assertFalse(AccessPolicy.canManageAccounts(organiser));
    }

    private static Actor actor(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Actor.of(Account.findByEmail(email).orElseThrow()));
    }

    private static Organisation organisation(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug(slug).orElseThrow());
    }

    /** Every resource method of the application whose path is under /admin or /api/admin (testsupport/Routes). */
    static List<Route> backofficeRoutes() {
        return Routes.all().stream()
                .filter(route -> route.template().equals("/admin") || route.template().startsWith("/admin/")
                        || route.template().equals("/api/admin") || route.template().startsWith("/api/admin/"))
                .map(route -> new Route(route.method(), route.template()))
                .toList();
    }
}
