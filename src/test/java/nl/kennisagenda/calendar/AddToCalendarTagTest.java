package nl.kennisagenda.calendar;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;

/** The {@code addToCalendar} tag and the link extensions, as a page that uses them renders them. */
@QuarkusTest
class AddToCalendarTagTest {

    @Inject
    Engine engine;

    private String render(String source, Locale locale, Object... data) {
        Template template = engine.parse(source);
        var instance = template.instance().setLocale(locale);
        for (int i = 0; i < data.length; i += 2) {
            instance.data((String) data[i], data[i + 1]);
        }
        return instance.render();
    }

    @Test
    @TestTransaction
    void onTheEventPageTheTagOffersDownloadGoogleOutlookAndTheOrganisationsFeed() {
        Event event = Event.findBySlug("ruimte-voor-eerstelijnszorg").orElseThrow();
        String html = render("{#addToCalendar event=event /}", Locale.forLanguageTag("nl"), "event", event);

        assertThat(html, containsString("<h2 id=\"add-to-calendar-ruimte-voor-eerstelijnszorg\""));
        assertThat(html, containsString("Zet in je agenda"));
        assertThat(html, containsString("href=\"http://localhost:8080/events/ruimte-voor-eerstelijnszorg.ics\""));
        assertThat(html, containsString(">Apple Agenda</a>"));
        String utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(event.startsAt);
        assertThat(html, containsString("https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text="
                + "Ruimte%20voor%20eerstelijnszorg%3A%20wat%20kunnen%20gemeenten%20doen%3F&amp;dates=" + utc + "%2F"));
        assertThat(html, containsString("https://outlook.office.com/calendar/0/deeplink/compose?"));
        assertThat(html, containsString("https://outlook.live.com/calendar/0/deeplink/compose?"));
        assertThat(html, containsString("href=\"webcal://localhost:8080/calendar/organisations/platform31.ics\""));
        assertThat(html, containsString("Abonneren op de agenda van Platform31"));
        assertThat(html, not(containsString("zoom.example.org")));
    }

    @Test
    @TestTransaction
    void onTheResultPageTheTagOffersThePersonsOwnFeedInTheirLanguage() {
        Registration registration = PersonalInvitesTest.register("ruimte-voor-eerstelijnszorg", "tag@example.org",
                RegistrationStatus.CONFIRMED);
        String html = render("{#addToCalendar event=registration.event attendee=registration.attendee /}",
                Locale.ENGLISH, "registration", registration);

        assertThat(html, containsString("Add to your calendar"));
        assertThat(html, containsString("href=\"webcal://localhost:8080/calendar/"
                + registration.attendee.calendarToken + ".ics\""));
        assertThat(html, containsString("Subscribe to all your registrations"));
        assertThat(html, not(containsString("zoom.example.org")));
    }

    @Test
    @TestTransaction
    void theLinkExtensionsWorkInAnyTemplate() {
        Registration registration = PersonalInvitesTest.register("ruimte-voor-eerstelijnszorg", "links@example.org",
                RegistrationStatus.CONFIRMED);
        String text = render("{registration.webcalUrl}|{registration.attendee.googleSubscribeUrl}|"
                + "{calendar:allEventsWebcalUrl}|{registration.event.icsProgrammeUrl}",
                Locale.forLanguageTag("nl"), "registration", registration);
        String token = registration.attendee.calendarToken;
        assertThat(text, containsString("webcal://localhost:8080/calendar/" + token + ".ics|"));
        assertThat(text, containsString("https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Flocalhost%3A8080%2Fcalendar%2F" + token + ".ics|"));
        assertThat(text, containsString("webcal://localhost:8080/calendar/events.ics|"));
        assertThat(text, containsString("http://localhost:8080/events/ruimte-voor-eerstelijnszorg.ics?programme=true"));
    }
}
