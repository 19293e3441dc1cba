package nl.kennisagenda.newsletter.subscription.web;

import java.util.List;

import nl.kennisagenda.newsletter.SubscriberStatus;
import nl.kennisagenda.privacy.PrivacyStatements;

/**
 * The subscriber's own page: where they stand, their choices, the language of their mails, and the unsubscribe
 * button.
 *
 * @param notice "confirmed" right after the double opt-in, "saved" after saving, or null
 * @param privacy the privacy notice in force (the platform's), whose version the form sends back
 * @param privacyError set when the form came back without the version in force
 */
public record PreferencesView(String token, String csrfToken, String email, SubscriberStatus status, String language,
        List<SubscribeView.Choice> organisations, List<SubscribeView.Choice> themes, String choiceError,
        String notice, String consentText, PrivacyStatements.Notice privacy, String privacyError) {

    /** Whether the form came back with something to fix. */
    public boolean invalid() {
        return choiceError != null || privacyError != null;
    }

    public boolean english() {
        return "en".equals(language);
    }

    public boolean subscribed() {
        return status == SubscriberStatus.CONFIRMED;
    }
}
