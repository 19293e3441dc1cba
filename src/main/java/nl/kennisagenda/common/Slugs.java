package nl.kennisagenda.common;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles and names into URL slugs: lower case ASCII, words joined by hyphens. */
public final class Slugs {

    private Slugs() {
    }

    public static String of(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.length() > 120 ? slug.substring(0, 120).replaceAll("-+$", "") : slug;
    }
}
