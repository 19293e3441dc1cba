package nl.kennisagenda.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.ApiTokens;

/**
 * The OpenAPI document is the contract of the JSON API: it describes the API and nothing else, and what the
 * endpoints really answer, status by status, has the documented shape.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final String OPEN_EVENT = "ruimte-voor-eerstelijnszorg";
    private static final String PAST_EVENT = "samenwerken-in-de-wijk";
    private static final String SIGNUP = "/api/events/{slug}/registrations";

    private static final String ADMIN_PREFIX = "/api/admin";

    private JsonPath document;

    @Inject
    ApiTokens tokens;

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
    void itDescribesNoTypesOfTheHtmlRoutesOrTheFramework() {
        String text = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract()
                .asString();
        Map<String, Object> schemas = document.getMap("components.schemas");
        assertFalse(schemas.isEmpty());
        for (String name : schemas.keySet()) {
            // Every schema is used: some operation or other schema refers to it.
            assertTrue(text.contains("\"#/components/schemas/" + name + "\""), "unused schema: " + name);
            assertFalse(name.matches("TemplateInstance|Multivalued.*|Multipart.*|FileUpload|Response|NewCookie|Uni.*"
                    + "|MultiMap|Cookie|Locale|URI|Path|InputStream|RoutingContext|HttpServerRequest"),
                    "framework type: " + name);
        }
        assertTrue(schemas.containsKey("ApiError"), schemas.keySet().toString());
    }

    @Test
    void theSignUpDocumentsEveryStatusItAnswersWithABodyAndAnObject() {
        Map<String, Object> responses = document.getMap("paths.'" + SIGNUP + "'.post.responses");
        assertEquals(Set.of("201", "400", "403", "404", "409", "422", "429"), responses.keySet());
        assertEquals("object",
                document.getString("paths.'" + SIGNUP + "'.post.requestBody.content.'application/json'.schema.type"));
        assertTrue(document.getMap("paths.'" + SIGNUP + "'.post.responses.'429'.headers").containsKey("Retry-After"));
    }

    @Test
    void everyRealSignUpAnswerHasTheDocumentedShape() {
        String email = "contract-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String valid = "{\"firstName\":\"Anna\",\"lastName\":\"de Vries\",\"email\":\"" + email
                + "\",\"organisation\":\"Gemeente Utrecht\"}";

        assertDeclared("post", SIGNUP, 201, 400, 404, 409, 422);
        assertDocumentedShape(signUp(OPEN_EVENT, valid), 201, "SignupResponse");
        assertDocumentedShape(signUp(OPEN_EVENT, "[1, 2"), 400, "ApiError");
        assertDocumentedShape(signUp("bestaat-niet", valid), 404, "ApiError");
        assertDocumentedShape(signUp(PAST_EVENT, valid), 409, "ApiError");
        assertDocumentedShape(signUp(OPEN_EVENT, "{}"), 422, "ApiError");
        assertDeclared("post", SIGNUP, 403);
        Response fromAnotherSite = given().contentType("application/json").header("Origin", "https://evil.example")
                .body(valid).post("/api/events/" + OPEN_EVENT + "/registrations");
        assertDocumentedShape(fromAnotherSite, 403, "ApiError");
    }

    @Test
    void everyAdminOperationRequiresAnApiTokenOrTheSessionAndDocumentsItsRefusals() {
        List<String> admin = document.<String, Object>getMap("paths").keySet().stream()
                .filter(path -> path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/")).toList();
        assertTrue(admin.containsAll(List.of("/api/admin/me", "/api/admin/organisations")), admin.toString());
        for (String path : admin) {
            for (String method : document.<String, Object>getMap("paths.'" + path + "'").keySet()) {
                if (!HTTP_METHODS.contains(method)) {
                    continue;
                }
                String operation = "paths.'" + path + "'." + method;
                assertEquals(List.of(Map.of("apiToken", List.of()), Map.of("session", List.of())),
                        document.getList(operation + ".security"), method + " " + path + " security");
                for (String status : List.of("401", "403")) {
                    assertEquals("#/components/schemas/ApiError", document.getString(operation + ".responses.'"
                            + status + "'.content.'application/json'.schema.$ref"), method + " " + path + " " + status);
                }
            }
        }
        assertEquals("http", document.getString("components.securitySchemes.apiToken.type"));
        assertEquals("bearer", document.getString("components.securitySchemes.apiToken.scheme"));
        assertEquals("apiKey", document.getString("components.securitySchemes.session.type"));
        assertEquals("cookie", document.getString("components.securitySchemes.session.in"));
        assertEquals("ka_session", document.getString("components.securitySchemes.session.name"));
    }

    @Test
    void everyAdminOperationAnswersAnAnonymousCallWithItsDocumented401() {
        for (String path : document.<String, Object>getMap("paths").keySet()) {
            if (!path.startsWith(ADMIN_PREFIX)) {
                continue;
            }
            for (String method : document.<String, Object>getMap("paths.'" + path + "'").keySet()) {
                if (!HTTP_METHODS.contains(method)) {
                    continue;
                }
                Response anonymous = given().redirects().follow(false).contentType(ContentType.JSON).body("{}")
                        .request(method.toUpperCase(java.util.Locale.ROOT), path.replaceAll("\\{[^}]+}", "1"));
                assertDeclared(method, path, 401);
                assertDocumentedShape(anonymous, 401, "ApiError");
                assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer "), method + " " + path);
            }
        }
    }

    @Test
    void whoAmIAndTheOrganisationsAnswerTheirDocumentedShapes() {
        String secret = tokenOf("platform31@example.org");
        assertDeclared("get", "/api/admin/me", 200, 401, 403);
        assertDocumentedShape(given().header("Authorization", "Bearer " + secret).get("/api/admin/me"), 200,
                "AdminMe");
        assertDocumentedShape(given().get("/api/admin/me"), 401, "ApiError");
        assertDocumentedShape(given().header("Authorization", "Bearer ka_" + "x".repeat(32)).get("/api/admin/me"),
                401, "ApiError");

        assertDeclared("get", "/api/admin/organisations", 200, 401, 403);
        assertEquals("array", document.getString(
                "paths.'/api/admin/organisations'.get.responses.'200'.content.'application/json'.schema.type"));
        Response organisations = given().header("Authorization", "Bearer " + secret).get("/api/admin/organisations");
        assertEquals(200, organisations.statusCode());
        Set<String> documented = document.<String, Object>getMap("components.schemas.AdminOrganisation.properties")
                .keySet();
        List<Map<String, Object>> items = organisations.jsonPath().getList("$");
        assertFalse(items.isEmpty());
        items.forEach(item -> assertEquals(documented, item.keySet()));
    }

    @Test
    void theEventRoutesAnswerTheirDocumentedErrorShapes() {
        assertDocumentedShape(given().queryParam("format", "FOO").get("/api/events"), 400, "ApiError");
        assertDocumentedShape(given().get("/api/events/bestaat-niet"), 404, "ApiError");
        assertDocumentedShape(given().get("/api/events/" + OPEN_EVENT), 200, "EventDetail");
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** The operation's documented responses include these statuses. */
    private void assertDeclared(String method, String path, int... statuses) {
        Set<String> declared = document.<String, Object>getMap("paths.'" + path + "'." + method + ".responses")
                .keySet();
        for (int status : statuses) {
            assertTrue(declared.contains(String.valueOf(status)), method + " " + path + " does not document "
                    + status + ": " + declared);
        }
    }

    private String tokenOf(String email) {
        Actor actor = QuarkusTransaction.requiringNew().call(() -> Actor.of(Account.findByEmail(email).orElseThrow()));
        return tokens.create(actor, "OpenAPI-contract", null).secret();
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
