package nl.kennisagenda.testsupport;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads /q/metrics (Prometheus text) of the application under test, as a scraper does. */
public final class Metrics {

    private Metrics() {
    }

    /** The whole text, in the classic format Prometheus asks for (without the header: OpenMetrics, same series). */
    public static String scrape() {
        return given().accept("text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/plain")).extract().asString();
    }

    /** The value of one series, e.g. {@code kennisagenda_signups_total{outcome="confirmed"}}; fails when absent. */
    public static double value(String text, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{([^}]*)\\})? (\\S+)$").matcher(text);
        while (m.find()) {
            if (label == null || (m.group(2) != null && m.group(2).contains(label))) {
                return Double.parseDouble(m.group(3));
            }
        }
        throw new AssertionError("no series " + name + " " + label + " in:\n" + text);
    }

    /** The value of one series in a fresh scrape. */
    public static double value(String name, String label) {
        return value(scrape(), name, label);
    }
}
