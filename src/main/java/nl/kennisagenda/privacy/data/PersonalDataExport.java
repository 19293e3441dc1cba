package nl.kennisagenda.privacy.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything stored about one mail address, as the JSON download of a request for access (AVG/GDPR article 15). The
 * shape is a contract: {@code PersonalDataTest} reads it. Entities are never serialised; these records are built from
 * them by {@link PersonalData#find}.
 */
public record PersonalDataExport(String address, Instant exportedAt, List<RegistrationData> registrations,
        List<MailData> mails, List<SubscriptionData> subscriptions, List<AuditData> auditEntries) {

    /** One registration for an event, with the person's answers and what happened to it. */
    public record RegistrationData(long id, String event, String eventSlug, String organisation, Instant eventStartsAt,
            String status, String firstName, String lastName, String email, String organisationName, String jobRole,
            String language, boolean newsletterOptIn, String newsletterConsentText, String privacyStatementVersion,
            Map<String, String> answers, List<String> sessions, Instant createdAt, Instant updatedAt,
            Instant cancelledAt, Instant checkedInAt, List<HistoryData> history) {
    }

    /** One change of a registration: when, what, by whom (visitor, organiser or system; no organiser names). */
    public record HistoryData(Instant at, String change, String by, String detail) {
    }

    /** One mail to the address, as the mail log holds it (the text part; null until it was rendered). */
    public record MailData(long id, String kind, String recipient, String subject, String status, Instant createdAt,
            Instant sentAt, String text) {
    }

    /** The newsletter subscription of the address, with every consent record. */
    public record SubscriptionData(long id, String email, String name, String status, String language,
            List<String> organisations, List<String> themes, Instant createdAt, Instant confirmedAt,
            Instant unsubscribedAt, String unsubscribeMethod, Instant bouncedAt, List<ConsentData> consents) {
    }

    /** One consent request: what was shown, when, where, and when it was confirmed or withdrawn. */
    public record ConsentData(Instant requestedAt, String source, String sourceDetail, String scope,
            String consentText, String consentVersion, String language, String legalBasis, Instant confirmedAt,
            Instant withdrawnAt, String withdrawnMethod) {
    }

    /** An audit log entry that quotes the address. */
    public record AuditData(Instant at, String action, String detail) {
    }
}
