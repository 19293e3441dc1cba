package nl.kennisagenda.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * Calendars are shown to others, so calendar entries carry a read-only link, never the manage link: whoever sees a
 * shared calendar can see the registration but not change or cancel it.
 */
@QuarkusTest
class ReadOnlyCalendarLinkTest {

    static final Pattern VIEW_LINK = Pattern.compile("http://localhost:8080(/registrations/view/[0-9]+\\.[A-Za-z0-9_-]+)");

    final CalendarFixtures fixtures = new CalendarFixtures();

    @Inject
    PersonalInvites invites;

    @AfterEach
    void cleanUp() {
        fixtures.cleanUp();
    }

    Registration confirmedForAWebinar() {
        Attendee attendee = fixtures.attendee("alleen-lezen-" + System.nanoTime() + "@example.org");
        return fixtures.registration(attendee, "ruimte-voor-eerstelijnszorg", RegistrationStatus.CONFIRMED, "nl");
    }

    String feedOf(Registration registration) {
        String token = QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration>findById(registration.id).attendee.calendarToken);
        byte[] octets = given().get("/calendar/" + token + ".ics").then().statusCode(200).extract().asByteArray();
        return new String(octets, StandardCharsets.UTF_8);
    }

    static String viewPath(String document) {
        // iCalendar folds long lines; unfold before looking for the address.
        Matcher matcher = VIEW_LINK.matcher(document.replace("\r\n ", "").replace("\\n", "\n"));
        assertTrue(matcher.find(), "the entry carries a read-only link");
        return matcher.group(1);
    }

    @Test
    void thePersonalFeedCarriesTheReadOnlyLinkAndNoManageToken() {
        Registration registration = confirmedForAWebinar();
        String document = feedOf(registration);

        assertThat(document.replace("\r\n ", ""), not(containsString(registration.token)));
        assertThat(document.replace("\r\n ", ""), not(containsString("/registrations/" + registration.token)));
        viewPath(document);
    }

    @Test
    void theInviteInTheMailCarriesTheReadOnlyLinkToo() {
        Registration registration = confirmedForAWebinar();
        String invite = QuarkusTransaction.requiringNew()
                .call(() -> invites.request(Registration.findById(registration.id)));

        assertThat(invite.replace("\r\n ", ""), not(containsString(registration.token)));
        assertEquals(viewPath(feedOf(registration)), viewPath(invite), "the same link in invite and feed");
    }

    @Test
    void theReadOnlyPageShowsTheRegistrationWithoutAnyWayToChangeIt() {
        Registration registration = confirmedForAWebinar();
        String path = viewPath(feedOf(registration));

        String html = given().get(path).then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .extract().asString();
        XmlPath page = new XmlPath(XmlPath.CompatibilityMode.HTML, html);
        assertThat(page.getString("html.head.title"), containsString("Aanmelding (alleen bekijken)"));
        assertThat(page.getString("**.find { it.name() == 'h1' }"), is("Aanmelding (alleen bekijken)"));
        assertThat(page.getString("**.find { it.name() == 'dd' && it.@class.text().contains('status') }"),
                is("Aangemeld"));
        assertThat(page.getInt("**.findAll { it.name() == 'a' && it.@href.text().startsWith('https://zoom.example.org/') }.size()"),
                is(1));
        assertThat(page.getInt("**.findAll { it.name() == 'form' }.size()"), is(0));
        assertThat(page.getInt("**.findAll { it.name() == 'a' && it.@href.text().contains('/cancel') }.size()"), is(0));
        assertThat(page.getString("**.find { it.name() == 'main' }"),
                containsString("persoonlijke link uit je bevestigingsmail"));
        assertThat(html, not(containsString(registration.token)));
        assertThat(html, not(containsString(registration.email)));
    }

    @Test
    void theReadOnlyLinkCannotCancel() {
        Registration registration = confirmedForAWebinar();
        String path = viewPath(feedOf(registration));

        given().formParam("_csrf", "x").post(path).then().statusCode(405);
        given().formParam("_csrf", "x").post(path + "/cancel").then().statusCode(404);
        given().get(path + "/cancel").then().statusCode(404);
        // The reference is not a manage token either.
        String reference = path.substring(path.lastIndexOf('/') + 1);
        given().get("/registrations/" + reference).then().statusCode(404);

        Registration after = QuarkusTransaction.requiringNew().call(() -> Registration.findById(registration.id));
        assertEquals(RegistrationStatus.CONFIRMED, after.status);
        assertNull(after.cancelledAt);
    }

    @Test
    void aForgedOrBorrowedReadOnlyLinkIsNotFound() {
        Registration one = confirmedForAWebinar();
        Registration other = confirmedForAWebinar();
        String path = viewPath(feedOf(one));
        String signature = path.substring(path.indexOf('.') + 1);

        given().get("/registrations/view/" + other.id + "." + signature).then().statusCode(404);
        given().get("/registrations/view/" + one.id + ".AAAA" + signature.substring(4)).then().statusCode(404);
        given().get("/registrations/view/" + one.id).then().statusCode(404);
        given().get("/registrations/view/x." + signature).then().statusCode(404);
    }
}
