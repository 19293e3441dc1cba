package nl.kennisagenda.newsletter.subscription.web;

import java.util.ArrayList;
import java.util.List;

import nl.kennisagenda.privacy.PrivacyStatements;

/**
 * What the subscribe form shows: the typed values, the choices with their ticks, the errors beside their fields and
 * in the summary, and the exact consent text above the button.
 *
 * @param organisationName set on an organisation's own form
 * @param action where the form posts
 * @param privacy the privacy notice in force, whose version the form sends back
 * @param privacyError set when the form came back without the version in force (absent, altered or outdated)
 */
public record SubscribeView(String csrfToken, String action, String organisationName, String email, String name,
        String language, List<Choice> organisations, List<Choice> themes, String emailError, String nameError,
        String choiceError, String consentText, PrivacyStatements.Notice privacy, String privacyError) {

    /** One tick box. */
    public record Choice(String id, String value, String label, boolean checked) {
    }

    /** A line of the error summary, linking to its field. */
    public record ErrorLink(String href, String message) {
    }

    public boolean invalid() {
        return emailError != null || nameError != null || choiceError != null || privacyError != null;
    }

    public List<ErrorLink> errorLinks() {
        List<ErrorLink> links = new ArrayList<>();
        if (emailError != null) {
            links.add(new ErrorLink("#news-email", emailError));
        }
        if (nameError != null) {
            links.add(new ErrorLink("#news-name", nameError));
        }
        if (choiceError != null) {
            links.add(new ErrorLink("#news-choices", choiceError));
        }
        if (privacyError != null) {
            links.add(new ErrorLink("#privacy-notice-title", privacyError));
        }
        return links;
    }

    public boolean english() {
        return "en".equals(language);
    }
}
