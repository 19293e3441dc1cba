package nl.kennisagenda.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Once an event has ended its page is a look back ("Terugblik"): it says the event took place, sign-up is gone, and
 * the materials are grouped by kind in the fixed order of {@link Materials}, the order the follow-up mails use.
 */
@QuarkusTest
class LookBackPageTest {

    @AfterEach
    void removeTestEvents() {
        EventFixtures.cleanUp();
    }

    @Test
    void anEndedEventShowsItsMaterialsGroupedInTheFixedOrderWithTheirHeadings() {
        endedEventWithMaterials("test-terugblik");

        String html = given().get("/events/test-terugblik").then().statusCode(200)
                .body(containsString("Deze bijeenkomst heeft plaatsgevonden."))
                .body(containsString("Deze bijeenkomst vond plaats op "))
                .body(not(containsString("/events/test-terugblik/register")))
                .body(not(containsString("/events/test-terugblik.ics")))
                .extract().asString();
        int slides = html.indexOf(">Presentaties</h3>");
        int recordings = html.indexOf(">Opnames</h3>");
        int documents = html.indexOf(">Documenten</h3>");
        int links = html.indexOf(">Links</h3>");
        assertTrue(slides > 0 && slides < recordings && recordings < documents && documents < links, html);
        // Within a group the organiser's order; entered last but sorted first.
        assertTrue(html.indexOf("Sheets deel 1") < html.indexOf("Sheets deel 2"), html);
        assertTrue(html.indexOf("Sheets deel 2") < recordings, html);
    }

    @Test
    void theEnglishPageUsesTheEnglishHeadingsAndTitles() {
        endedEventWithMaterials("test-terugblik-en");

        given().queryParam("lang", "en").get("/events/test-terugblik-en").then().statusCode(200)
                .body(containsString("<h2 id=\"lookback-heading\">Look back</h2>"))
                .body(containsString(">Slides</h3>"))
                .body(containsString(">Recordings</h3>"))
                .body(containsString("Slides part 1"))
                .body(containsString("This event has taken place."));
    }

    @Test
    void anEndedEventWithoutMaterialsSaysSo() {
        EventFixtures.create("test-terugblik-leeg", Duration.ofDays(-2), event -> { });

        given().get("/events/test-terugblik-leeg").then().statusCode(200)
                .body(containsString("Terugblik"))
                .body(containsString("Er zijn (nog) geen presentaties, opnames of verslagen van deze bijeenkomst."));
    }

    @Test
    void aCancelledEventHasNoLookBack() {
        EventFixtures.create("test-terugblik-geannuleerd", Duration.ofDays(-2),
                event -> event.status = EventStatus.CANCELLED);

        given().get("/events/test-terugblik-geannuleerd").then().statusCode(200)
                .body(containsString("Deze bijeenkomst is geannuleerd"))
                .body(not(containsString("lookback-heading")))
                .body(not(containsString("heeft plaatsgevonden")));
    }

    @Test
    void theGroupsForTheFollowUpComeInTheSameOrderWithTheirHeadings() {
        Event event = endedEventWithMaterials("test-terugblik-groepen");

        List<Materials.Group> groups = QuarkusTransaction.requiringNew().call(() -> {
            List<Materials.Group> grouped = Materials.grouped(Event.<Event>findById(event.id));
            grouped.forEach(group -> group.items().forEach(item -> item.title.length()));
            return grouped;
        });

        assertEquals(Materials.ORDER, groups.stream().map(Materials.Group::kind).toList());
        assertEquals(List.of("Sheets deel 1", "Sheets deel 2"),
                groups.get(0).items().stream().map(item -> item.title).toList());
        assertEquals("Presentaties", groups.get(0).heading(Locale.forLanguageTag("nl")));
        assertEquals("Recordings", groups.get(1).heading(Locale.ENGLISH));
    }

    /** An event that ended yesterday with two slides (entered in reverse order), a recording, a document, a link. */
    private static Event endedEventWithMaterials(String slug) {
        Event event = EventFixtures.create(slug, Duration.ofDays(-1), e -> { });
        QuarkusTransaction.requiringNew().run(() -> {
            Event stored = Event.findById(event.id);
            material(stored, 9, MaterialKind.LINK, "Verslag op de website", null);
            material(stored, 5, MaterialKind.DOCUMENT, "Verslag (pdf)", "Report (pdf)");
            material(stored, 2, MaterialKind.SLIDES, "Sheets deel 2", "Slides part 2");
            material(stored, 3, MaterialKind.RECORDING, "Opname", "Recording");
            material(stored, 1, MaterialKind.SLIDES, "Sheets deel 1", "Slides part 1");
        });
        return event;
    }

    private static void material(Event event, int order, MaterialKind kind, String title, String titleEn) {
        EventMaterial material = new EventMaterial();
        material.event = event;
        material.sortOrder = order;
        material.kind = kind;
        material.title = title;
        material.titleEn = titleEn;
        material.url = "https://example.org/materialen/" + order;
        material.persist();
    }
}
