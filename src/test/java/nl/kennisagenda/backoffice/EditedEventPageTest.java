package nl.kennisagenda.backoffice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.kennisagenda.i18n.Dates;

/** An organiser's edit in the back office shows on the (cached) public event page on the next request. */
@QuarkusTest
class EditedEventPageTest {

    private static final LocalDate DAY = LocalDate.now(Dates.AMSTERDAM).plusMonths(3);

    @Test
    void anEditInTheBackOfficeIsOnTheCachedEventPageAtOnce() {
        AdminClient client = AdminClient.loggedIn("platform31@example.org", AdminClient.DEMO_PASSWORD);
        String slug = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = form(slug);
        Response created = withForm(client, form).post("/admin/organisations/platform31/events");
        assertEquals(303, created.statusCode(), created.asString());
        long id = Long.parseLong(created.header("Location").replaceAll(".*/admin/events/(\\d+).*", "$1"));
        client.submit("/admin/events/" + id + "/publish").then().statusCode(303);
        given().get("/events/" + slug).then().statusCode(200).body(containsString("Eerste samenvatting."));
        given().get("/events/" + slug).then().statusCode(200);

        form.put("summary", "Tweede samenvatting.");
        withForm(client, form).post("/admin/events/" + id + "/edit").then().statusCode(303);

        given().get("/events/" + slug).then().statusCode(200).body(containsString("Tweede samenvatting."))
                .body(not(containsString("Eerste samenvatting.")));
    }

    private static Map<String, String> form(String slug) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Cachetest " + slug);
        form.put("slug", slug);
        form.put("summary", "Eerste samenvatting.");
        form.put("description", "Een middag om van elkaar te leren.");
        form.put("format", "ONLINE");
        form.put("startsAt", DAY + "T10:00");
        form.put("endsAt", DAY + "T12:00");
        form.put("onlinePlatform", "Zoom");
        form.put("joinUrl", "https://zoom.example.org/j/123");
        form.put("unlisted", "true");
        return form;
    }

    private static RequestSpecification withForm(AdminClient client, Map<String, String> form) {
        RequestSpecification request = client.post();
        form.forEach(request::formParam);
        return request;
    }
}
