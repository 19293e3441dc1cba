package nl.kennisagenda.web;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import io.quarkus.qute.WithPriority;

/**
 * Dev mode only: reads templates straight from the top-level {@code templates/} folder, so an edited template shows
 * on the next request. The build copies that folder into the application as usual (and type-checks it); dev mode
 * notices the change and clears Qute's cache, but it does not copy files from a resource folder with a target path,
 * so without this locator it would keep serving the copy made at start-up.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevTemplateLocator implements TemplateLocator {

    private static final Path ROOT = Path.of("templates");
    private static final List<String> SUFFIXES = List.of("", ".html", ".txt");

    @Override
    public Optional<TemplateLocation> locate(String id) {
        for (String suffix : SUFFIXES) {
            Path file = ROOT.resolve(id + suffix).normalize();
            if (file.startsWith(ROOT) && Files.isRegularFile(file)) {
                return Optional.of(new SourceFile(file));
            }
        }
        return Optional.empty();
    }

    @Override
    public int getPriority() {
        return WithPriority.DEFAULT_PRIORITY + 10;
    }

    private record SourceFile(Path file) implements TemplateLocation {

        @Override
        public Reader read() {
            try {
                return new StringReader(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read template " + file, e);
            }
        }

        @Override
        public Optional<Variant> getVariant() {
            String name = file.getFileName().toString();
            String type = name.endsWith(".txt") ? "text/plain" : "text/html";
            return Optional.of(new Variant(null, type, StandardCharsets.UTF_8.name()));
        }
    }
}
