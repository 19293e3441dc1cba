package nl.kennisagenda.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core (Deque's accessibility engine, the npm package pinned in {@code src/test/js/package.json}) run inside the
 * page a {@link Chromium} shows, limited to the WCAG 2.0/2.1 level A and AA rules. The package is installed by
 * {@code npm ci --prefix src/test/js} ({@code .ci/run} does it); without it the checks are skipped outside CI and
 * fail in CI.
 */
public final class Axe {

    public static final Path SCRIPT = Path.of("src/test/js/node_modules/axe-core/axe.min.js");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One rule the page breaks, with the elements that break it. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {
        @Override
        public String toString() {
            return rule + " [" + impact + "] " + help + "\n      at " + String.join("\n      at ", targets) + "\n      see "
                    + helpUrl;
        }
    }

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** axe-core as npm installed it; skips (outside CI) or fails (in CI) when it is not installed. */
    public static Axe load() {
        if (!Files.isReadable(SCRIPT)) {
            String why = "axe-core is not installed at " + SCRIPT.toAbsolutePath()
                    + " (run: npm ci --prefix src/test/js; .ci/run does this)";
            if (Chromium.inCi()) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        try {
            return new Axe(Files.readString(SCRIPT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What axe-core says about the page the browser shows now (after its scripts ran): the WCAG 2.1 A and AA
     * violations, and the rules it could not decide alone ("needs review", such as contrast over an image).
     */
    public record Result(List<Violation> violations, List<Violation> needsReview) {
    }

    /** The WCAG 2.1 A and AA violations in the page the browser shows now (after its scripts ran). */
    public List<Violation> wcag21aaViolations(WebDriver driver) {
        return check(driver).violations();
    }

    /** Violations (in full) and rules that need review (by rule, with at least one element) of the shown page. */
    public Result check(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(source);
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                    .then(results => done(JSON.stringify([results.violations, results.incomplete])))
                    .catch(error => done('axe failed: ' + error));
                """, WCAG_21_AA);
        String json = String.valueOf(answer);
        if (!json.startsWith("[")) {
            throw new IllegalStateException(json);
        }
        try {
            JsonNode both = JSON.readTree(json);
            return new Result(violations(both.get(0)), violations(both.get(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Violation> violations(JsonNode rules) {
        List<Violation> violations = new ArrayList<>();
        for (JsonNode rule : rules) {
            List<String> targets = new ArrayList<>();
            for (JsonNode node : rule.path("nodes")) {
                String summary = node.path("failureSummary").asText("").replace("\n", " ");
                targets.add(node.path("target").toString() + " " + node.path("html").asText() + " — " + summary);
            }
            violations.add(new Violation(rule.path("id").asText(), rule.path("impact").asText(),
                    rule.path("help").asText(), rule.path("helpUrl").asText(), targets));
        }
        return violations;
    }
}
