package nl.kennisagenda.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The OpenAPI document describes the JSON API only ({@code /api/…}): the HTML pages, forms and calendar files are
 * for browsers and calendar programs and are not part of the contract.
 * <p>
 * Every admin operation ({@code /api/admin/…}), whoever writes it, gets here what is the same for all of them, so no
 * resource can forget it: the two ways to authenticate (a personal API token as Bearer, or the back-office session
 * cookie) as its security, and the 401 and 403 answers with the {@link ApiError} body. Changes (POST, PUT, PATCH,
 * DELETE) also state the rule against cross-site forgery for session calls (see
 * {@code nl.kennisagenda.account.api.AdminApiGuards}).
 */
public class ApiOnlyOpenApi implements OASFilter {

    public static final String BEARER_SCHEME = "apiToken";
    public static final String SESSION_SCHEME = "session";
    private static final Set<PathItem.HttpMethod> UNSAFE = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    private static final String API_ERROR_REF = "#/components/schemas/ApiError";

    static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    static boolean isAdminApiPath(String path) {
        return path.equals("/api/admin") || path.startsWith("/api/admin/");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            List<String> notApi = openAPI.getPaths().getPathItems().keySet().stream()
                    .filter(path -> !isApiPath(path)).toList();
            notApi.forEach(openAPI.getPaths()::removePathItem);
            boolean admin = false;
            for (Map.Entry<String, PathItem> item : openAPI.getPaths().getPathItems().entrySet()) {
                if (isAdminApiPath(item.getKey())) {
                    admin = true;
                    item.getValue().getOperations().forEach(ApiOnlyOpenApi::secure);
                }
            }
            if (admin) {
                addSecuritySchemes(openAPI);
            }
        }
        if (openAPI.getTags() != null) {
            List<Tag> unused = openAPI.getTags().stream().filter(tag -> !usedByAnOperation(openAPI, tag.getName()))
                    .toList();
            unused.forEach(openAPI::removeTag);
        }
    }

    private static void secure(PathItem.HttpMethod method, Operation operation) {
        operation.setSecurity(List.of(
                OASFactory.createSecurityRequirement().addScheme(BEARER_SCHEME),
                OASFactory.createSecurityRequirement().addScheme(SESSION_SCHEME)));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        setError(responses, "401", "Not logged in, or the API token is unknown, revoked or expired. Comes with "
                + "`WWW-Authenticate: Bearer realm=\"kennisagenda\"` (and `error=\"invalid_token\"` when a token was "
                + "sent); never a redirect.", 401, "Dit API-token is onbekend, ingetrokken of verlopen.");
        String forbidden = "The account may not do this: it is not a member of the organisation, or it is an "
                + "observer and the operation changes something.";
        if (UNSAFE.contains(method)) {
            forbidden += " Also when a change authenticated by the session cookie is sent neither as "
                    + "`application/json` nor with an `X-Requested-With` header (protection against cross-site "
                    + "forgery; calls with an API token need neither).";
        }
        setError(responses, "403", forbidden, 403, "Je hebt geen toegang tot dit onderdeel.");
    }

    /** The response with the ApiError body and an example; a description already written by a resource is kept. */
    private static void setError(APIResponses responses, String code, String description, int status,
            String exampleMessage) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(code, response);
        }
        if (response.getDescription() == null || response.getDescription().isBlank()
                || response.getDescription().startsWith("Not Authorized") || response.getDescription().startsWith("Not Allowed")) {
            response.setDescription(description);
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("status", status);
            example.put("message", exampleMessage);
            Content content = OASFactory.createContent().addMediaType("application/json",
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(API_ERROR_REF))
                            .example(example));
            response.setContent(content);
        }
    }

    private static void addSecuritySchemes(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme(BEARER_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("ka_…")
                .description("A personal API token, made and revoked at /admin/tokens: `Authorization: Bearer ka_…`. "
                        + "It acts as its account, with that account's role and organisations."));
        components.addSecurityScheme(SESSION_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name("ka_session")
                .description("The back-office log-in session (log in at /admin/login). Changes must be sent as "
                        + "`application/json` or with an `X-Requested-With` header."));
    }

    private static boolean usedByAnOperation(OpenAPI openAPI, String tag) {
        return openAPI.getPaths() != null && openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .anyMatch(operation -> operation.getTags() != null && operation.getTags().contains(tag));
    }
}
