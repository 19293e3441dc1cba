package nl.kennisagenda.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutboxSender;
import nl.kennisagenda.mail.SmtpServer;

/** Accounts and organisations are the administrators' business; everybody keeps their own name and password. */
@QuarkusTest
@TestProfile(BackofficeMailProfile.class)
class AccountAdminTest {

    SmtpServer smtp;

    @Inject
    OutboxSender sender;

    @Test
    void organisersAndObserversMayNotManageAccountsOrOrganisations() {
        AdminClient organiser = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        for (String path : new String[] { "/admin/accounts", "/admin/accounts/new", "/admin/organisations",
                "/admin/organisations/new", "/admin/organisations/platform31/edit" }) {
            assertEquals(403, organiser.get(path).statusCode(), path);
        }
        organiser.get("/admin");
        assertEquals(403, organiser.post().formParam("name", "X").formParam("email", "x@example.org")
                .formParam("role", "ADMINISTRATOR").post("/admin/accounts").statusCode());
        assertEquals(403, organiser.post().formParam("name", "X").formParam("slug", "x")
                .post("/admin/organisations").statusCode());
    }

    @Test
    void anAdministratorCreatesAnOrganiserWhoChoosesAPasswordAndLogsIn() {
        smtp.start();
        String email = "nieuw-" + System.nanoTime() + "@example.org";
        long platform31 = organisationId("platform31");
        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        assertEquals(200, admin.get("/admin/accounts").statusCode());
        admin.get("/admin/accounts/new");
        Response created = admin.post().formParam("name", "Nieuwe Organisator").formParam("email", email)
                .formParam("role", "ORGANISER").formParam("organisation", String.valueOf(platform31))
                .post("/admin/accounts");
        assertEquals(303, created.statusCode());
        assertTrue(created.header("Location").contains("notice=created"));
        assertTrue(admin.get("/admin/accounts").asString().contains(email));

        OutboxMail invitation = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>find(
                "recipient = ?1 and kind = ?2", email, MailKind.ACCOUNT_INVITATION).firstResult());
        sender.sendDue(Instant.now().plusMillis(1));
        assertEquals(1, smtp.receivedBy(email).size());
        String token = PasswordResetTest.tokenIn(invitation.textBody);
        assertEquals(302, AdminClient.atLoginPage().login(email, "").statusCode());

        AdminClient person = AdminClient.atLoginPage();
        assertEquals(200, person.get("/admin/password-reset/" + token).statusCode());
        assertEquals(303, person.post().formParam("password", "mijn-eigen-wachtwoord")
                .formParam("confirm", "mijn-eigen-wachtwoord").post("/admin/password-reset/" + token).statusCode());
        AdminClient organiser = AdminClient.loggedIn(email, "mijn-eigen-wachtwoord");
        assertTrue(organiser.get("/admin").asString().contains("Ruimte voor eerstelijnszorg"));
    }

    @Test
    void aSecondAccountWithTheSameAddressOrAnOrganiserWithoutOrganisationIsRefused() {
        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        admin.get("/admin/accounts/new");
        Response taken = admin.post().formParam("name", "Dubbel").formParam("email", "vilans@example.org")
                .formParam("role", "OBSERVER").formParam("organisation", String.valueOf(organisationId("vilans")))
                .post("/admin/accounts");
        assertEquals(422, taken.statusCode());
        assertTrue(taken.asString().contains("Er is al een account met dit e-mailadres."));
        assertTrue(taken.asString().contains("value=\"Dubbel\""), "typed values kept");
        Response noOrganisation = admin.post().formParam("name", "Los").formParam("email",
                "los-" + System.nanoTime() + "@example.org").formParam("role", "ORGANISER").post("/admin/accounts");
        assertEquals(422, noOrganisation.statusCode());
        assertTrue(noOrganisation.asString().contains("aria-describedby=\"account-organisations-hint account-organisations-error\""));
    }

    @Test
    void aDeactivatedAccountCanNoLongerWork() {
        String email = PasswordResetTest.newAccount();
        AdminClient person = AdminClient.loggedIn(email, "een-lang-wachtwoord");
        long id = QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).orElseThrow().id);
        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        admin.get("/admin/accounts/" + id);
        Response saved = admin.post().formParam("name", "Test organiser").formParam("role", "ORGANISER")
                .formParam("organisation", String.valueOf(organisationId("platform31"))).post("/admin/accounts/" + id);
        assertEquals(303, saved.statusCode());
        assertEquals(302, person.get("/admin").statusCode());
        assertTrue(AdminClient.atLoginPage().login(email, "een-lang-wachtwoord").header("Location").contains("error"));
    }

    @Test
    void everybodyChangesTheirOwnNameAndPasswordWithTheCurrentOne() {
        String email = PasswordResetTest.newAccount();
        AdminClient person = AdminClient.loggedIn(email, "een-lang-wachtwoord");
        person.get("/admin/account");
        assertEquals(303, person.post().formParam("name", "Anna Jansen").post("/admin/account/name").statusCode());
        assertTrue(person.get("/admin/account").asString().contains("value=\"Anna Jansen\""));

        Response wrong = person.post().formParam("current", "niet-het-wachtwoord")
                .formParam("password", "een-nieuw-wachtwoord").formParam("confirm", "een-nieuw-wachtwoord")
                .post("/admin/account/password");
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.asString().contains("Het huidige wachtwoord klopt niet."));
        Response changed = person.post().formParam("current", "een-lang-wachtwoord")
                .formParam("password", "een-nieuw-wachtwoord").formParam("confirm", "een-nieuw-wachtwoord")
                .post("/admin/account/password");
        assertEquals(303, changed.statusCode());
        assertEquals(302, person.get("/admin").statusCode(), "the session opened with the old password ended");
        assertEquals(200, AdminClient.loggedIn(email, "een-nieuw-wachtwoord").get("/admin").statusCode());
    }

    @Test
    void guessingTheCurrentPasswordStopsAtTheSameLimitAsTheLogIn() {
        String email = PasswordResetTest.newAccount();
        AdminClient person = AdminClient.loggedIn(email, "een-lang-wachtwoord");
        person.get("/admin/account");
        for (int i = 0; i < 5; i++) {
            assertEquals(422, person.post().formParam("current", "gok-" + i).formParam("password", "een-nieuw-wachtwoord")
                    .formParam("confirm", "een-nieuw-wachtwoord").post("/admin/account/password").statusCode());
        }
        Response locked = person.post().formParam("current", "een-lang-wachtwoord")
                .formParam("password", "een-nieuw-wachtwoord").formParam("confirm", "een-nieuw-wachtwoord")
                .post("/admin/account/password");
        assertEquals(422, locked.statusCode());
        assertTrue(locked.asString().contains("te vaak verkeerd"), "even the right password waits out the window");
        assertTrue(AdminClient.atLoginPage().login(email, "een-lang-wachtwoord").header("Location")
                .contains("error=locked"), "the log-in counts the same failures");
    }

    @Test
    void anAdministratorCreatesAndEditsAnOrganisation() {
        String slug = "netwerk-" + System.nanoTime();
        AdminClient admin = AdminClient.loggedIn("admin@example.org", AdminClient.DEMO_PASSWORD);
        admin.get("/admin/organisations/new");
        assertEquals(303, admin.post().formParam("name", "Netwerk Test").formParam("slug", slug)
                .formParam("website", "https://netwerk.example.org").post("/admin/organisations").statusCode());
        assertTrue(admin.get("/admin/organisations").asString().contains(slug));
        Response taken = admin.post().formParam("name", "Ander").formParam("slug", "platform31")
                .post("/admin/organisations");
        assertEquals(422, taken.statusCode());
        Response badSite = admin.post().formParam("name", "Netwerk Test 2").formParam("slug", slug)
                .formParam("website", "javascript:alert(1)").post("/admin/organisations/" + slug + "/edit");
        assertEquals(422, badSite.statusCode());
        assertEquals(303, admin.post().formParam("name", "Netwerk Hernoemd").formParam("slug", slug)
                .formParam("website", "").post("/admin/organisations/" + slug + "/edit").statusCode());
        assertEquals("Netwerk Hernoemd", QuarkusTransaction.requiringNew()
                .call(() -> Organisation.findBySlug(slug).orElseThrow().name));
    }

    private static long organisationId(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug(slug).orElseThrow().id);
    }
}
