package nl.kennisagenda.mail;

import java.util.List;
import java.util.Locale;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

/** Renders the {@code .txt} and {@code .html} variants of a type-safe mail template; shared by every renderer. */
public final class MailTemplates {

    private MailTemplates() {
    }

    /** Text (always) and HTML (when the template has an .html variant) of one mail. */
    public record Rendered(String text, String html) {
    }

    /**
     * Renders both variants in the given language: mails are rendered outside any HTTP request (in the sender) or
     * in a language other than the request's, so the locale is set explicitly for {@code {msg:…}} texts.
     */
    public static Rendered render(MailTemplateInstance mail, Locale locale) {
        TemplateInstance instance = mail.templateInstance();
        instance.setAttribute("locale", locale);
        String text = null;
        String html = null;
        @SuppressWarnings("unchecked")
        List<Variant> variants = (List<Variant>) instance.getAttribute(TemplateInstance.VARIANTS);
        for (Variant variant : variants) {
            if (Variant.TEXT_HTML.equals(variant.getContentType())) {
                instance.setAttribute(TemplateInstance.SELECTED_VARIANT, variant);
                html = instance.render();
            } else if (Variant.TEXT_PLAIN.equals(variant.getContentType())) {
                instance.setAttribute(TemplateInstance.SELECTED_VARIANT, variant);
                text = instance.render();
            }
        }
        if (text == null) {
            throw new IllegalStateException("Mail template without a .txt variant");
        }
        return new Rendered(text, html);
    }
}
