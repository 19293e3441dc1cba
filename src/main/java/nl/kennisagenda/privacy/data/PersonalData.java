package nl.kennisagenda.privacy.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.audit.AuditEntry;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.common.TransactionRetry;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.newsletter.Subscriber;
import nl.kennisagenda.newsletter.subscription.Consent;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationHistory;
import nl.kennisagenda.registration.service.RegistrationOperations;
import nl.kennisagenda.privacy.data.PersonalDataExport.AuditData;
import nl.kennisagenda.privacy.data.PersonalDataExport.ConsentData;
import nl.kennisagenda.privacy.data.PersonalDataExport.HistoryData;
import nl.kennisagenda.privacy.data.PersonalDataExport.MailData;
import nl.kennisagenda.privacy.data.PersonalDataExport.RegistrationData;
import nl.kennisagenda.privacy.data.PersonalDataExport.SubscriptionData;

/**
 * A person's rights of access and erasure (AVG/GDPR articles 15 and 17) for one mail address: everything stored
 * about it as JSON, and erasure. Asked by the person from a manage or newsletter-preferences link (which prove
 * control of the mailbox; the scope is everything), or by organisers (the registrations of their organisations' events
 * and the subscriptions to their newsletters) and administrators (everything) from the back-office. Observers may
 * do neither.
 * <p>
 * Erasure cancels the registrations for events that have not ended, in the same transaction that anonymises them
 * (so places free up and the waiting list moves as with any cancellation, and no mail about it goes out), then
 * anonymises every registration, mail, subscription and consent record of the address ({@link Anonymiser}) and
 * removes the address from the audit log. It records one audit entry per organisation concerned, with counts only.
 */
@ApplicationScoped
public class PersonalData {

    public static final String EXPORTED = "PERSONAL_DATA_EXPORTED";
    public static final String ERASED = "PERSONAL_DATA_ERASED";
    /** How an erased subscriber left the list ({@code Subscriber#unsubscribeMethod}). */
    public static final String ERASURE = "ERASURE";

    /** Whose request and how far it reaches: {@code organisationIds} null means every organisation. */
    public record Scope(ActedBy actedBy, Set<Long> organisationIds) {

        public static Scope person() {
            return new Scope(ActedBy.visitor(), null);
        }

        /** @throws ForbiddenException observers, and accounts without a role here */
        public static Scope of(Actor actor) {
            if (actor == null || actor.role() == Role.OBSERVER) {
                throw new ForbiddenException();
            }
            return new Scope(ActedBy.of(actor), actor.isAdministrator() ? null : Set.copyOf(actor.organisationIds()));
        }

        public boolean everything() {
            return organisationIds == null;
        }

        boolean covers(Long organisationId) {
            return organisationIds == null || organisationId != null && organisationIds.contains(organisationId);
        }
    }

    /** What an erasure did, for the result page. */
    public record Erased(int registrations, int cancelled, int subscriptions, int mails) {
    }

    @Inject
    EntityManager em;

    @Inject
    Anonymiser anonymiser;

    @Inject
    RegistrationOperations operations;

    @Inject
    TransactionRetry retry;

    @Inject
    AuditLog audit;

    /** Whether the text is usable as an address to look up. */
    public static boolean isAddress(String typed) {
        return typed != null && typed.length() <= 254 && typed.strip().matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+")
                && !Anonymiser.isPlaceholder(Attendee.normalise(typed));
    }

    /** The address of a registration's manage link; empty for an unknown or anonymised one. */
    @Transactional
    public Optional<String> addressOfRegistration(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        return Registration.findByToken(token).map(registration -> registration.attendee.email)
                .filter(address -> !Anonymiser.isPlaceholder(address));
    }

    /** The address of a newsletter-preferences link; empty for an unknown or anonymised one. */
    @Transactional
    public Optional<String> addressOfSubscriber(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return Subscriber.findByToken(token).map(subscriber -> subscriber.emailKey)
                .filter(address -> !Anonymiser.isPlaceholder(address));
    }

    /** Everything stored about the address within the scope; not audited (the back-office search shows this). */
    @Transactional
    public PersonalDataExport find(String address, Scope scope, Instant now) {
        String key = Attendee.normalise(address);
        List<Registration> registrations = registrations(key, scope);
        List<RegistrationData> registrationData = new ArrayList<>();
        Set<Long> registrationIds = new LinkedHashSet<>();
        for (Registration registration : registrations) {
            registrationIds.add(registration.id);
            List<HistoryData> history = RegistrationHistory.of(registration.id).stream()
                    .map(line -> new HistoryData(line.at, line.change == null ? null : line.change.name(),
                            line.actorKind == null ? null : line.actorKind.name(), line.detail))
                    .toList();
            registrationData.add(new RegistrationData(registration.id, registration.event.title,
                    registration.event.slug, registration.event.organisation.name, registration.event.startsAt,
                    registration.status.name(), registration.firstName, registration.lastName, registration.email,
                    registration.organisationName, registration.jobRole, registration.locale,
                    registration.newsletterOptIn, registration.newsletterConsentText, registration.privacyVersion,
                    new LinkedHashMap<>(registration.answers),
                    registration.sessions.stream().map(session -> session.title).toList(), registration.createdAt,
                    registration.updatedAt, registration.cancelledAt, registration.checkedInAt, history));
        }
        List<MailData> mails = new ArrayList<>();
        for (OutboxMail mail : mails(key, scope, registrationIds)) {
            mails.add(new MailData(mail.id, mail.kind.name(), mail.recipient, mail.subject, mail.status.name(),
                    mail.createdAt, mail.sentAt, mail.textBody));
        }
        List<SubscriptionData> subscriptions = new ArrayList<>();
        subscriber(key, scope).ifPresent(subscriber -> subscriptions.add(new SubscriptionData(subscriber.id,
                subscriber.email, subscriber.name, subscriber.status.name(), subscriber.locale,
                subscriber.organisations.stream().map(organisation -> organisation.name).toList(),
                List.copyOf(subscriber.themes), subscriber.createdAt, subscriber.confirmedAt,
                subscriber.unsubscribedAt, subscriber.unsubscribeMethod, subscriber.bouncedAt,
                Consent.of(subscriber).stream().map(consent -> new ConsentData(consent.requestedAt,
                        consent.source == null ? null : consent.source.name(), consent.sourceDetail, consent.scope,
                        consent.consentText, consent.consentVersion, consent.locale, consent.legalBasis,
                        consent.confirmedAt, consent.withdrawnAt, consent.withdrawnMethod)).toList())));
        List<AuditData> auditEntries = AuditEntry.<AuditEntry>list("(lower(detail) like ?1 escape '\\'"
                + " or lower(actorName) = ?2) order by at, id", "%" + Anonymiser.like(key) + "%", key).stream()
                .filter(entry -> scope.covers(entry.organisationId))
                .map(entry -> new AuditData(entry.at, entry.action, entry.detail)).toList();
        return new PersonalDataExport(key, now, registrationData, mails, subscriptions, auditEntries);
    }

    /** {@link #find}, recorded in the audit log (counts only) as the download it is. */
    public PersonalDataExport export(String address, Scope scope, Instant now) {
        PersonalDataExport export = find(address, scope, now);
        QuarkusTransaction.requiringNew().run(() -> audit.recordPlatform(scope.actedBy(), auditOrganisation(scope),
                EXPORTED, export.registrations().size() + " registrations, " + export.mails().size() + " mails, "
                        + export.subscriptions().size() + " subscriptions"));
        return export;
    }

    /** Erases the address within the scope; see the class comment. */
    public Erased erase(String address, Scope scope, Instant now) {
        String key = Attendee.normalise(address);
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> registrations(key, scope).stream()
                .map(registration -> registration.id).toList());
        Map<Long, int[]> perOrganisation = new LinkedHashMap<>();
        int cancelled = 0;
        int registrations = 0;
        for (long id : ids) {
            int[] outcome = retry.inNewTransaction(() -> {
                Registration registration = Registration.findById(id);
                boolean cancel = !registration.isClosed() && registration.event.endsAt.isAfter(now);
                if (cancel) {
                    operations.cancelByOrganiser(id, scope.actedBy());
                }
                boolean done = anonymiser.anonymiseRegistration(id, now, scope.everything());
                return new int[] { registration.event.organisation.id.intValue(), done ? 1 : 0, cancel ? 1 : 0 };
            });
            int[] counts = perOrganisation.computeIfAbsent((long) outcome[0], org -> new int[2]);
            counts[0] += outcome[1];
            counts[1] += outcome[2];
            registrations += outcome[1];
            cancelled += outcome[2];
        }
        int subscriptions = retry.inNewTransaction(() -> {
            Optional<Subscriber> found = subscriber(key, scope);
            if (found.isEmpty()) {
                return 0;
            }
            Subscriber subscriber = found.get();
            boolean allCovered = subscriber.organisations.stream().allMatch(org -> scope.covers(org.id));
            if (allCovered) {
                return anonymiser.anonymiseSubscriber(subscriber.id, now, ERASURE) ? 1 : 0;
            }
            // An organiser erases the subscription to their own newsletters; the others stay the person's.
            subscriber.organisations.removeIf(org -> scope.covers(org.id));
            return 1;
        });
        int mails = scope.everything()
                ? QuarkusTransaction.requiringNew().call(() -> anonymiser.anonymiseAddress(key, now))
                : 0;
        if (!scope.everything()) {
            // An organiser's erasure: the address goes from their organisations' audit entries, not from others'.
            QuarkusTransaction.requiringNew().run(() -> anonymiser.scrubAudit(key, scope.organisationIds()));
        }
        int subscriptionCount = subscriptions;
        int mailCount = mails;
        int cancelledCount = cancelled;
        QuarkusTransaction.requiringNew().run(() -> {
            perOrganisation.forEach((organisationId, counts) -> audit.recordPlatform(scope.actedBy(),
                    organisationId, ERASED, "erasure request: " + counts[0] + " registrations anonymised, "
                            + counts[1] + " of them cancelled first"));
            if (perOrganisation.isEmpty() || subscriptionCount + mailCount > 0) {
                audit.recordPlatform(scope.actedBy(), auditOrganisation(scope), ERASED, "erasure request: "
                        + subscriptionCount + " newsletter subscriptions, " + mailCount + " other mails"
                        + (perOrganisation.isEmpty() ? "; no registrations" : "; " + cancelledCount
                                + " registrations cancelled"));
            }
        });
        return new Erased(registrations, cancelled, subscriptions, mails);
    }

    private static Long auditOrganisation(Scope scope) {
        return scope.everything() || scope.organisationIds().size() != 1 ? null
                : scope.organisationIds().iterator().next();
    }

    private List<Registration> registrations(String key, Scope scope) {
        List<Registration> found = Registration.list("(attendee.email = ?1 or lower(email) = ?1)"
                + " order by createdAt, id", key);
        return found.stream().filter(registration -> scope.covers(registration.event.organisation.id)).toList();
    }

    private List<OutboxMail> mails(String key, Scope scope, Set<Long> registrationIds) {
        if (scope.everything()) {
            return OutboxMail.list("lower(recipient) = ?1 order by createdAt, id", key);
        }
        if (registrationIds.isEmpty()) {
            return List.of();
        }
        return OutboxMail.list("lower(recipient) = ?1 and registrationId in ?2 order by createdAt, id", key,
                registrationIds);
    }

    private Optional<Subscriber> subscriber(String key, Scope scope) {
        return Subscriber.<Subscriber>find("emailKey", key).firstResultOptional()
                .filter(subscriber -> scope.everything()
                        || subscriber.organisations.stream().anyMatch(org -> scope.covers(org.id)));
    }

    /** Organisations an actor may search in, for the page's explanation. */
    @Transactional
    public List<Organisation> organisationsOf(Scope scope) {
        return scope.everything() ? List.of() : Organisation.list("id in ?1 order by name", scope.organisationIds());
    }
}
