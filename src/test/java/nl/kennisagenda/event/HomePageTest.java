package nl.kennisagenda.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HomePageTest {

    @Test
    void homePageListsTheDemoEventsInDutch() {
        given().when().get("/")
                .then().statusCode(200)
                .header("Content-Language", is("nl"))
                .body(containsString("<html lang=\"nl\">"))
                .body(containsString("Ruimte voor eerstelijnszorg: wat kunnen gemeenten doen?"))
                .body(containsString("10:30–12:00"));
    }

    @Test
    void englishIsChosenWithLangAndRememberedInACookie() {
        given().queryParam("lang", "en").when().get("/")
                .then().statusCode(200)
                .cookie("lang", "en")
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Past events"));
        given().cookie("lang", "en").when().get("/")
                .then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
    }
}
