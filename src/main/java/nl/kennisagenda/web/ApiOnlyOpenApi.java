package nl.kennisagenda.web;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The OpenAPI document describes the JSON API only ({@code /api/…}): the HTML pages, forms and calendar files are
 * for browsers and calendar programs and are not part of the contract.
 */
public class ApiOnlyOpenApi implements OASFilter {

    static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            List<String> notApi = openAPI.getPaths().getPathItems().keySet().stream()
                    .filter(path -> !isApiPath(path)).toList();
            notApi.forEach(openAPI.getPaths()::removePathItem);
        }
        if (openAPI.getTags() != null) {
            List<Tag> unused = openAPI.getTags().stream().filter(tag -> !usedByAnOperation(openAPI, tag.getName()))
                    .toList();
            unused.forEach(openAPI::removeTag);
        }
    }

    private static boolean usedByAnOperation(OpenAPI openAPI, String tag) {
        return openAPI.getPaths() != null && openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .anyMatch(operation -> operation.getTags() != null && operation.getTags().contains(tag));
    }
}
