package nl.kennisagenda.backoffice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Practical;
import nl.kennisagenda.i18n.Dates;

/**
 * Practical information (costs, language, accessibility, route, accreditation, privacy): edited in the back-office
 * form or the admin API, shown on the event page in both languages and in the public API.
 */
@QuarkusTest
class PracticalInformationTest {

    private static final LocalDate DAY = LocalDate.now(Dates.AMSTERDAM).plusMonths(2);

    @Test
    void theOrganiserFillsItInAndTheEventPageShowsIt() {
        AdminClient client = organiser();
        String slug = "praktisch-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = hybridForm(slug);
        form.put("cost", "€ 12,50");
        form.put("costIncludes", "Inclusief lunch.");
        form.put("languages", "nl,en");
        form.put("venueAccessibility", "Rolstoeltoegankelijk, met ringleiding.");
        form.put("routeInfo", "Tien minuten lopen vanaf het station.");
        form.put("routeInfoEn", "A ten-minute walk from the station.");
        form.put("liveCaptions", "true");
        form.put("accreditation", "2 punten in het Kwaliteitsregister V&V.");
        form.put("privacyNote", "Het plenaire deel wordt opgenomen.");
        long id = create(client, form);
        client.submit("/admin/events/" + id + "/publish").then().statusCode(303);

        Practical stored = practicalOf(id);
        assertEquals(new BigDecimal("12.50"), stored.costAmount);
        assertEquals("nl,en", stored.languages);
        assertTrue(stored.liveCaptions);
        assertFalse(stored.signLanguage);
        assertEquals("Inclusief lunch.", stored.costIncludes);

        String dutch = given().get("/events/" + slug).then().statusCode(200).extract().asString();
        assertTrue(dutch.contains("€ 12,50"), dutch);
        assertTrue(dutch.contains("Nederlands en Engels"));
        assertTrue(dutch.contains("<h2 id=\"practical-heading\">Praktische informatie</h2>"));
        assertTrue(dutch.contains("Tien minuten lopen vanaf het station."));
        assertTrue(dutch.contains("De online sessie heeft live ondertiteling."));
        assertTrue(dutch.contains("2 punten in het Kwaliteitsregister V&amp;V."), "escaped like every organiser text");

        String english = given().queryParam("lang", "en").get("/events/" + slug).then().statusCode(200).extract()
                .asString();
        assertTrue(english.contains("€12.50"), english);
        assertTrue(english.contains("Dutch and English"));
        assertTrue(english.contains("A ten-minute walk from the station."), "the English route where there is one");
        assertTrue(english.contains("<dd lang=\"nl\">Het plenaire deel wordt opgenomen.</dd>"),
                "a Dutch text on the English page says it is Dutch");

        given().get("/api/events/" + slug).then().statusCode(200)
                .body("practical.free", equalTo(false))
                .body("practical.price", equalTo(12.5f))
                .body("practical.currency", equalTo("EUR"))
                .body("practical.languages", hasItems("nl", "en"))
                .body("practical.liveCaptions", equalTo(true))
                .body("practical.nl.route", equalTo("Tien minuten lopen vanaf het station."))
                .body("practical.en.route", equalTo("A ten-minute walk from the station."))
                .body("practical.en.privacy", nullValue());
    }

    @Test
    void aFreeEventSaysSoAndEmptyFieldsStayOffThePage() {
        AdminClient client = organiser();
        String slug = "gratis-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = hybridForm(slug);
        form.put("cost", "0");
        long id = create(client, form);
        client.submit("/admin/events/" + id + "/publish").then().statusCode(303);

        assertNull(practicalOf(id).costAmount, "0 is stored as free");
        String page = given().get("/events/" + slug).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<dd id=\"event-costs\">Gratis</dd>"), page);
        assertTrue(page.contains("<dd id=\"event-language\">Nederlands</dd>"));
        assertFalse(page.contains("practical-heading"), "no empty practical section");
    }

    @Test
    void anUnreadablePriceIsShownAgainWithItsErrorAndTheTypedValues() {
        AdminClient client = organiser();
        Map<String, String> form = hybridForm("prijs-" + UUID.randomUUID().toString().substring(0, 8));
        form.put("cost", "twaalf euro");
        form.put("routeInfo", "Bus 12 tot de halte Stadhuis.");
        form.put("languages", "fr");
        Response response = withForm(client, form).post("/admin/organisations/platform31/events");
        assertEquals(422, response.statusCode());
        String html = response.asString();
        assertTrue(html.contains("<a href=\"#f-cost\">Vul een bedrag in euro&#39;s in"), html);
        assertTrue(html.contains("value=\"twaalf euro\""), "the typed price is kept");
        assertTrue(html.contains("aria-describedby=\"f-cost-help f-cost-error\""));
        assertTrue(html.contains(">Bus 12 tot de halte Stadhuis.</textarea>"), "other values are kept");
        assertTrue(html.contains("Kies Nederlands, Engels of beide."));
    }

    @Test
    void theAdminApiKeepsItWhenLeftOutAndChangesItWhenSent() {
        AdminClient client = organiser();
        String slug = "api-praktisch-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = hybridForm(slug);
        form.put("cost", "45");
        form.put("accreditation", "3 punten");
        long id = create(client, form);

        Map<String, Object> read = client.request().get("/api/admin/events/" + id).then().statusCode(200)
                .body("practical.price", equalTo(45.0f)).extract().jsonPath().getMap("$");
        Map<String, Object> withoutPractical = new LinkedHashMap<>(read);
        withoutPractical.remove("practical");
        withoutPractical.put("summary", "Alleen de samenvatting verandert.");
        client.request().contentType(ContentType.JSON).body(withoutPractical).put("/api/admin/events/" + id).then()
                .statusCode(200).body("practical.price", equalTo(45.0f))
                .body("practical.nl.accreditation", equalTo("3 punten"));

        Map<String, Object> practical = new LinkedHashMap<>();
        practical.put("price", null);
        practical.put("languages", java.util.List.of("en"));
        practical.put("signLanguage", true);
        practical.put("nl", Map.of("privacy", "Er wordt niet opgenomen."));
        read.put("practical", practical);
        client.request().contentType(ContentType.JSON).body(read).put("/api/admin/events/" + id).then()
                .statusCode(200).body("practical.free", equalTo(true)).body("practical.languages", hasItems("en"))
                .body("practical.signLanguage", equalTo(true))
                .body("practical.nl.accreditation", nullValue())
                .body("practical.nl.privacy", equalTo("Er wordt niet opgenomen."));

        practical.put("price", -3);
        client.request().contentType(ContentType.JSON).body(read).put("/api/admin/events/" + id).then()
                .statusCode(422).body("errors.'practical.price'", containsString("bedrag"));
    }

    @Test
    void theDemoCongressShowsItsPriceAndAccreditation() {
        given().get("/events/gezondheidscentra-vlissingen").then().statusCode(200)
                .body(containsString("€ 45,00"))
                .body(containsString("Accreditatiebureau Algemene Nascholing"))
                .body(not(containsString("practical_")));
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, String> hybridForm(String slug) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Praktische middag " + slug);
        form.put("slug", slug);
        form.put("format", "HYBRID");
        form.put("startsAt", DAY + "T13:00");
        form.put("endsAt", DAY + "T16:00");
        form.put("venueName", "Stadhuis");
        form.put("venueCity", "Zwolle");
        form.put("onlinePlatform", "Zoom");
        // Reachable by its link only: other test classes count the hybrid events in lists, feeds and the API.
        form.put("unlisted", "true");
        return form;
    }

    private static AdminClient organiser() {
        return AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
    }

    private static RequestSpecification withForm(AdminClient client, Map<String, String> form) {
        RequestSpecification request = client.post();
        form.forEach(request::formParam);
        return request;
    }

    private static long create(AdminClient client, Map<String, String> form) {
        Response response = withForm(client, form).post("/admin/organisations/platform31/events");
        assertEquals(303, response.statusCode(), response.asString());
        return Long.parseLong(response.header("Location").replaceAll(".*/admin/events/(\\d+).*", "$1"));
    }

    private static Practical practicalOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(id).practical.copy());
    }
}
