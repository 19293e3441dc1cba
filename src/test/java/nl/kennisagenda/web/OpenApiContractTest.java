package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The OpenAPI document is the contract of the JSON API: it describes the API and nothing else, and what the
 * endpoints really answer, status by status, has the documented shape.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final String OPEN_EVENT = "ruimte-voor-eerstelijnszorg";
    private static final String PAST_EVENT = "samenwerken-in-de-wijk";
    private static final String SIGNUP = "/api/events/{slug}/registrations";

    private JsonPath document;

    @BeforeEach
    void readTheDocument() {
        document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void itDescribesTheJsonApiOnly() {
        Map<String, Object> paths = document.getMap("paths");
        assertFalse(paths.isEmpty());
        for (String path : paths.keySet()) {
            assertTrue(path.startsWith("/api/"), "not an API route in the document: " + path);
        }
        assertTrue(paths.keySet().containsAll(Set.of("/api/events", "/api/events/{slug}", SIGNUP)), paths.keySet()
                .toString());
        List<String> tags = document.getList("tags.name");
        assertFalse(tags.contains("Pages"), tags.toString());
    }

    @Test
    void theSignUpDocumentsEveryStatusItAnswersWithABodyAndAnObject() {
        Map<String, Object> responses = document.getMap("paths.'" + SIGNUP + "'.post.responses");
        assertEquals(Set.of("201", "400", "404", "409", "422", "429"), responses.keySet());
        assertEquals("object",
                document.getString("paths.'" + SIGNUP + "'.post.requestBody.content.'application/json'.schema.type"));
        assertTrue(document.getMap("paths.'" + SIGNUP + "'.post.responses.'429'.headers").containsKey("Retry-After"));
    }

    @Test
    void everyRealSignUpAnswerHasTheDocumentedShape() {
        String email = "contract-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String valid = "{\"firstName\":\"Anna\",\"lastName\":\"de Vries\",\"email\":\"" + email
                + "\",\"organisation\":\"Gemeente Utrecht\"}";

        assertDocumentedShape(signUp(OPEN_EVENT, valid), 201, "SignupResponse");
        assertDocumentedShape(signUp(OPEN_EVENT, "[1, 2"), 400, "ApiError");
        assertDocumentedShape(signUp("bestaat-niet", valid), 404, "ApiError");
        assertDocumentedShape(signUp(PAST_EVENT, valid), 409, "ApiError");
        assertDocumentedShape(signUp(OPEN_EVENT, "{}"), 422, "ApiError");
    }

    @Test
    void theEventRoutesAnswerTheirDocumentedErrorShapes() {
        assertDocumentedShape(given().queryParam("format", "FOO").get("/api/events"), 400, "ApiError");
        assertDocumentedShape(given().get("/api/events/bestaat-niet"), 404, "ApiError");
        assertDocumentedShape(given().get("/api/events/" + OPEN_EVENT), 200, "EventDetail");
    }

    private static Response signUp(String slug, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/events/" + slug + "/registrations");
    }

    /** Status as expected, JSON, every required member present, and no member the schema does not document. */
    private void assertDocumentedShape(Response response, int status, String schema) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        Map<String, Object> body = response.jsonPath().getMap("$");
        Set<String> documented = document.<String, Object>getMap("components.schemas." + schema + ".properties").keySet();
        List<String> required = document.getList("components.schemas." + schema + ".required");
        assertTrue(documented.containsAll(body.keySet()), schema + " does not document " + body.keySet());
        if (required != null) {
            assertTrue(body.keySet().containsAll(required), body.keySet() + " lacks one of " + required);
        }
        if (schema.equals("ApiError")) {
            assertEquals(status, body.get("status"));
        }
    }
}
