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
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The OpenAPI document describes the JSON API only ({@code /api/…}): the HTML pages, forms and calendar files are
 * for browsers and calendar programs and are not part of the contract.
 * <p>
 * Every admin operation ({@code /api/admin/…}), whoever writes it, gets here what is the same for all of them, so no
 * resource can forget it: the two ways to authenticate (a personal API token as Bearer, or the back-office session
 * cookie) as its security, and the 401 and 403 answers with the {@link ApiError} body. Changes (POST, PUT, PATCH,
 * DELETE) also state the rule against cross-site forgery for session calls (see
 * {@code nl.kennisagenda.account.api.AdminApiGuards}).
 * <p>
 * Applied when the application is built, so the document is complete in the jar and start-up does not build it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
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
                } else {
                    item.getValue().getOperations().forEach(ApiOnlyOpenApi::fromOurOriginOnly);
                }
            }
            if (admin) {
                addSecuritySchemes(openAPI);
            }
        }
        pruneSchemas(openAPI);
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
                    + "forgery; calls with an API token need neither), and when a session call is sent from a page of "
                    + "another site (`Origin`).";
        }
        setError(responses, "403", forbidden, 403, "Je hebt geen toegang tot dit onderdeel.");
    }

    /** A public change refused by {@link OriginGuard}: sent by a page of another site. */
    private static void fromOurOriginOnly(PathItem.HttpMethod method, Operation operation) {
        if (!UNSAFE.contains(method)) {
            return;
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        setError(operation.getResponses(), "403", ORIGIN_RULE, 403,
                "Dit verzoek kwam van een pagina van een andere website en is daarom niet uitgevoerd; er is niets "
                        + "opgeslagen. Open het formulier op deze website en probeer het opnieuw.");
    }

    private static final String ORIGIN_RULE = "Sent by a browser from a page of another site: the `Origin` header "
            + "(or, without one, the `Referer`) names a site other than this one. Calls from servers and scripts "
            + "that send neither are not affected.";

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

    /**
     * Keeps only the component schemas that the remaining (API) operations use, directly or through other schemas:
     * the scanner also describes the types of the HTML routes (form maps, template instances, framework classes),
     * which are no part of the contract.
     */
    static void pruneSchemas(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || components.getSchemas().isEmpty()) {
            return;
        }
        Set<String> used = new java.util.HashSet<>();
        java.util.Deque<Schema> todo = new java.util.ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                parameters(item.getParameters(), todo);
                for (Operation operation : item.getOperations().values()) {
                    parameters(operation.getParameters(), todo);
                    if (operation.getRequestBody() != null) {
                        content(operation.getRequestBody().getContent(), todo);
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                            content(response.getContent(), todo);
                            if (response.getHeaders() != null) {
                                response.getHeaders().values().forEach(header -> {
                                    add(header.getSchema(), todo);
                                    content(header.getContent(), todo);
                                });
                            }
                        }
                    }
                }
            }
        }
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (used.add(name) && components.getSchemas().containsKey(name)) {
                    add(components.getSchemas().get(name), todo);
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(property -> add(property, todo));
            }
            add(schema.getItems(), todo);
            add(schema.getAdditionalPropertiesSchema(), todo);
            add(schema.getNot(), todo);
            for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
                    schema.getPrefixItems())) {
                if (group != null) {
                    group.forEach(member -> add(member, todo));
                }
            }
        }
        List<String> unused = components.getSchemas().keySet().stream().filter(name -> !used.contains(name)).toList();
        unused.forEach(components::removeSchema);
    }

    private static void parameters(List<org.eclipse.microprofile.openapi.models.parameters.Parameter> parameters,
            java.util.Deque<Schema> todo) {
        if (parameters != null) {
            parameters.forEach(parameter -> {
                add(parameter.getSchema(), todo);
                content(parameter.getContent(), todo);
            });
        }
    }

    private static void content(Content content, java.util.Deque<Schema> todo) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(type -> add(type.getSchema(), todo));
        }
    }

    private static void add(Schema schema, java.util.Deque<Schema> todo) {
        if (schema != null) {
            todo.push(schema);
        }
    }

    private static boolean usedByAnOperation(OpenAPI openAPI, String tag) {
        return openAPI.getPaths() != null && openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .anyMatch(operation -> operation.getTags() != null && operation.getTags().contains(tag));
    }
}
