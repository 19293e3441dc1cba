package nl.kennisagenda.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import nl.kennisagenda.event.service.FilterForm;

/**
 * The agenda shows its cards a page at a time (here two per page, so the demo events fill several pages): the
 * count covers every match, the links keep the filters, and a page number that is not one is a 400 that says so.
 */
@QuarkusTest
@TestProfile(AgendaPagingTest.TwoPerPage.class)
class AgendaPagingTest {

    public static class TwoPerPage implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kennisagenda.site.agenda-page-size", "2");
        }
    }

    private static final Pattern COUNT = Pattern.compile("(\\d+) bijeenkomsten gevonden · Pagina 1 van (\\d+)");

    @Test
    void theAgendaShowsOnePageOfCardsWithTheCountOfAllAndLinksToTheNext() {
        String first = given().get("/").then().statusCode(200).extract().asString();
        assertEquals(2, cards(first), first);
        Matcher count = COUNT.matcher(first);
        assertTrue(count.find(), first);
        int total = Integer.parseInt(count.group(1));
        int pages = Integer.parseInt(count.group(2));
        assertTrue(total >= 4, "the four upcoming demo events: " + total);
        assertEquals((total + 1) / 2, pages);
        assertTrue(first.contains("<a href=\"/?page=2\" rel=\"next\">Volgende pagina</a>"), first);
        assertTrue(!first.contains("rel=\"prev\""), first);

        String last = given().get("/?page=" + pages).then().statusCode(200).extract().asString();
        assertEquals(total - 2 * (pages - 1), cards(last));
        assertTrue(last.contains("rel=\"prev\""), last);
        assertTrue(!last.contains("rel=\"next\""), last);
        assertTrue(last.contains("Pagina " + pages + " van " + pages), last);

        // A link that outlived some events (past the end) shows the last page instead of an empty one.
        String pastTheEnd = given().get("/?page=" + (pages + 5)).then().statusCode(200).extract().asString();
        assertTrue(pastTheEnd.contains("Pagina " + pages + " van " + pages), pastTheEnd);

        given().get("/?page=2&lang=en").then().statusCode(200)
                .body(containsString("Page 2 of " + pages)).body(containsString("Previous page"));
    }

    @Test
    void thePagesOfAFilteredAgendaKeepTheFiltersEscaped() {
        assertEquals("/?format=ONLINE&q=zorg+%26+wonen&page=3",
                new FilterForm(null, null, "ONLINE", null, "zorg & wonen").url(3));
        assertEquals("/?format=ONLINE", new FilterForm(null, " ", "ONLINE", null, null).url(1));
        assertEquals("/", FilterForm.empty().url(1));
    }

    @Test
    void aPageNumberThatIsNotOneIsA400ThatKeepsTheFilters() {
        for (String page : new String[] { "0", "-1", "twee", "99999999999", "1.5" }) {
            given().queryParam("page", page).queryParam("q", "wijk").get("/").then().statusCode(400)
                    .body(containsString("is geen paginanummer"))
                    .body(containsString("value=\"wijk\""))
                    .body(not(containsString("class=\"card")));
        }
    }

    private static int cards(String html) {
        return html.split("<article class=\"card", -1).length - 1;
    }
}
