package nl.kennisagenda.newsletter;

import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;

/** A page read through its structure (REST Assured's HTML mode), for the few things the tests look at. */
final class Html {

    private final XmlPath page;

    private Html(String html) {
        page = new XmlPath(XmlPath.CompatibilityMode.HTML, html);
    }

    static Html of(Response response) {
        return new Html(response.asString());
    }

    String h1() {
        return text("**.find { it.name() == 'h1' }");
    }

    String main() {
        return text("**.find { it.name() == 'main' }");
    }

    /** The text of the link to this address (e.g. a line of the error summary), or "" when there is none. */
    String link(String href) {
        return text("**.find { it.name() == 'a' && it.@href == '" + href + "' }");
    }

    String attribute(String id, String name) {
        return page.getString("**.find { it.@id == '" + id + "' }.@" + name);
    }

    String formAction() {
        return page.getString("**.find { it.name() == 'form' && it.@method == 'post' }.@action");
    }

    String notice() {
        return text("**.find { it.name() == 'p' && it.@class.text().contains('notice') }");
    }

    private String text(String path) {
        String value = page.getString(path);
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }
}
