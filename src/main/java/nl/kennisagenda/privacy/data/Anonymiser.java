package nl.kennisagenda.privacy.data;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import nl.kennisagenda.common.Tokens;
import nl.kennisagenda.event.EventLocks;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.newsletter.Subscriber;
import nl.kennisagenda.newsletter.SubscriberStatus;
import nl.kennisagenda.registration.Attendee;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.service.SignupValidator;

/**
 * The one place that replaces personal data by placeholders, used by the retention job and by erasure requests.
 * Everything a count, a statistic or a dashboard reads stays: a registration keeps its event, status, sessions,
 * check-in, dates and the answers to choice fields; a mail keeps its kind, status, attempts and dates; a subscriber
 * keeps status, dates, organisations and themes. What goes: names, address, job role, free-text answers (text,
 * e-mail, phone, long text), the manage and calendar links, mail recipients, subjects, bodies, attachments, headers
 * and errors, and the address wherever the audit log quotes it.
 * <p>
 * A placeholder address is unique per row and can never be delivered ({@code …@anonymised.invalid}, RFC 2606). An
 * anonymised registration moves to an attendee of its own, so nothing links it to the person's other registrations;
 * the person's attendee row goes when no registration is left on it. Every method joins the caller's transaction and
 * is idempotent: rows already anonymised are left alone.
 */
@ApplicationScoped
public class Anonymiser {

    /** The domain of every placeholder address. */
    public static final String PLACEHOLDER_DOMAIN = "anonymised.invalid";
    /** Stands for a person's address in the audit log once it is removed. */
    public static final String REMOVED = "[removed]";
    static final String FIRST_NAME = "Anoniem";

    /** Answers of these field types are choices from the organiser's list, not free text: they stay. */
    private static final Set<FieldType> CHOICES = EnumSet.of(FieldType.SELECT, FieldType.MULTI_SELECT,
            FieldType.CHECKBOX, FieldType.BREAKOUT_CHOICE);

    @Inject
    EntityManager em;

    @Inject
    EventLocks locks;

    /** Whether the registration's personal data are gone already. */
    @Transactional(TxType.MANDATORY)
    public boolean isAnonymised(long registrationId) {
        List<?> rows = em.createNativeQuery("select id from registrations where id = :id and anonymised_at is not null")
                .setParameter("id", registrationId).getResultList();
        return !rows.isEmpty();
    }

    public static String placeholder(String kind, long id) {
        return "anonymised-" + kind + id + "@" + PLACEHOLDER_DOMAIN;
    }

    public static boolean isPlaceholder(String address) {
        return address != null && address.endsWith("@" + PLACEHOLDER_DOMAIN);
    }

    /**
     * Anonymises one registration with its mails and the audit entries of its event that quote its address.
     *
     * @param scrubAuditEverywhere also remove the address from audit entries of other events (an erasure request);
     *            retention leaves those to the retention of their own events
     * @return false when it was anonymised already (or does not exist)
     */
    @Transactional(TxType.MANDATORY)
    public boolean anonymiseRegistration(long registrationId, Instant now, boolean scrubAuditEverywhere) {
        Registration found = Registration.findById(registrationId);
        if (found == null || isAnonymised(registrationId)) {
            return false;
        }
        // The event's lock first, as every registration change takes it, then the row read again under it.
        locks.lockEvent(found.event.id);
        Registration registration = em.find(Registration.class, registrationId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(registration);
        if (isAnonymised(registrationId)) {
            return false;
        }
        Attendee person = registration.attendee;
        Set<String> addresses = new HashSet<>();
        addresses.add(Attendee.normalise(registration.email));
        addresses.add(person.email);
        String placeholder = placeholder("r", registrationId);

        Attendee anonymous = new Attendee();
        anonymous.email = placeholder;
        anonymous.persist();
        registration.attendee = anonymous;
        registration.firstName = FIRST_NAME;
        registration.lastName = "#" + registrationId;
        registration.email = placeholder;
        registration.jobRole = null;
        registration.token = Tokens.newToken();
        Set<String> keep = new HashSet<>();
        for (FormField field : SignupValidator.effectiveFields(registration.event)) {
            if (CHOICES.contains(field.type)) {
                keep.add(field.fieldKey);
            }
        }
        registration.answers.keySet().removeIf(key -> !keep.contains(key));
        em.flush();
        em.createNativeQuery("update registrations set anonymised_at = :now where id = :id")
                .setParameter("now", now).setParameter("id", registrationId).executeUpdate();

        em.createNativeQuery("delete from attendees a where a.id = :id"
                + " and not exists (select 1 from registrations r where r.attendee_id = a.id)")
                .setParameter("id", person.id).executeUpdate();
        em.createNativeQuery("update organiser_message_recipients set recipient_key = :placeholder"
                + " where registration_id = :id")
                .setParameter("placeholder", placeholder).setParameter("id", registrationId).executeUpdate();
        anonymiseMails("registration_id = :key", registrationId, addresses, placeholder);
        scrubAudit(addresses, scrubAuditEverywhere ? null : registration.event.id);
        return true;
    }

    /**
     * Takes the subscriber off the list (if still on it) and anonymises the row, its consent records (the text
     * shown and the dates stay as the record that consent was asked; the address, name and link go) and its mails.
     *
     * @return false when it was anonymised already
     */
    @Transactional(TxType.MANDATORY)
    public boolean anonymiseSubscriber(long subscriberId, Instant now, String method) {
        Subscriber subscriber = em.find(Subscriber.class, subscriberId, LockModeType.PESSIMISTIC_WRITE);
        if (subscriber == null || isPlaceholder(subscriber.email)) {
            return false;
        }
        Set<String> addresses = new HashSet<>(List.of(subscriber.emailKey, Attendee.normalise(subscriber.email)));
        String placeholder = placeholder("s", subscriberId);
        if (subscriber.status != SubscriberStatus.UNSUBSCRIBED) {
            subscriber.status = SubscriberStatus.UNSUBSCRIBED;
            subscriber.unsubscribedAt = now;
            subscriber.unsubscribeMethod = method;
            em.createNativeQuery("update newsletter_consents set withdrawn_at = :now, withdrawn_method = :method"
                    + " where subscriber_id = :id and confirmed_at is not null and withdrawn_at is null")
                    .setParameter("now", now).setParameter("method", method).setParameter("id", subscriberId)
                    .executeUpdate();
        }
        subscriber.email = placeholder;
        subscriber.emailKey = placeholder;
        subscriber.name = null;
        subscriber.token = Tokens.newToken();
        subscriber.bounceReason = null;
        subscriber.updatedAt = now;
        em.flush();
        em.createNativeQuery("update newsletter_subscribers set anonymised_at = :now where id = :id")
                .setParameter("now", now).setParameter("id", subscriberId).executeUpdate();
        em.createNativeQuery("update newsletter_consents set confirm_token_hash = null where subscriber_id = :id")
                .setParameter("id", subscriberId).executeUpdate();
        anonymiseMails("newsletter_subscriber_id = :key", subscriberId, addresses, placeholder);
        // Confirmation and permission mails go to the address before (and without) the subscriber's id.
        for (String address : addresses) {
            anonymiseMails("kind like 'NEWSLETTER%' and lower(recipient) = :key", address, addresses, placeholder);
        }
        scrubAudit(addresses, null);
        return true;
    }

    /**
     * The mails to an address that belong to no registration and no subscriber (e.g. a newsletter confirmation of a
     * request that was never confirmed, a test mail), and the audit entries that quote it.
     */
    @Transactional(TxType.MANDATORY)
    public int anonymiseAddress(String address, Instant now) {
        String normalised = Attendee.normalise(address);
        int mails = anonymiseMails("lower(recipient) = :key", normalised, Set.of(normalised),
                placeholder("m", now.toEpochMilli()));
        scrubAudit(Set.of(normalised), null);
        return mails;
    }

    /**
     * Mails matching {@code where} (a condition built here from ids, never from input): a mail not sent yet is not
     * sent any more (SUPERSEDED); every one loses its content; the recipient becomes the placeholder where it was
     * one of {@code addresses} (an organiser's notice about the registration keeps the organiser's address).
     */
    private int anonymiseMails(String where, Object key, Collection<String> addresses, String placeholder) {
        em.createNativeQuery("update outbox_mails set status = 'SUPERSEDED', last_error = 'personal data removed'"
                + " where status = 'PENDING' and " + where).setParameter("key", key).executeUpdate();
        em.createNativeQuery("delete from outbox_mail_attachments where mail_id in (select id from outbox_mails"
                + " where " + where + ")").setParameter("key", key).executeUpdate();
        int changed = 0;
        for (String address : addresses) {
            if (address != null) {
                changed += em.createNativeQuery("update outbox_mails set recipient = :placeholder"
                        + " where lower(recipient) = :address and " + where).setParameter("placeholder", placeholder)
                        .setParameter("address", address).setParameter("key", key).executeUpdate();
            }
        }
        em.createNativeQuery("update outbox_mails set subject = null, text_body = null, html_body = null,"
                + " extra_headers = null, last_error = case when last_error is null then null"
                + " else 'personal data removed' end where " + where).setParameter("key", key).executeUpdate();
        return changed;
    }

    /** Removes the addresses from audit details and actor names (of one event, or everywhere when null). */
    private void scrubAudit(Collection<String> addresses, Long eventId) {
        String ofEvent = eventId == null ? "" : " and event_id = " + eventId;
        for (String address : addresses) {
            if (address == null || address.isBlank()) {
                continue;
            }
            // Addresses are stored in lower case by every writer of these entries; REPLACE is case-sensitive.
            em.createNativeQuery("update audit_log set detail = replace(detail, :address, :removed)"
                    + " where detail like :pattern" + ofEvent).setParameter("address", address)
                    .setParameter("removed", REMOVED).setParameter("pattern", "%" + like(address) + "%")
                    .executeUpdate();
            em.createNativeQuery("update audit_log set actor_name = :removed where lower(actor_name) = :address"
                    + ofEvent).setParameter("removed", REMOVED).setParameter("address", address).executeUpdate();
        }
    }

    /** Removes the address from the audit entries of these organisations (an organiser's erasure). */
    @Transactional(TxType.MANDATORY)
    public void scrubAudit(String address, Set<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return;
        }
        String key = Attendee.normalise(address);
        em.createNativeQuery("update audit_log set detail = replace(detail, :address, :removed)"
                + " where detail like :pattern and organisation_id in (:organisations)").setParameter("address", key)
                .setParameter("removed", REMOVED).setParameter("pattern", "%" + like(key) + "%")
                .setParameter("organisations", organisationIds).executeUpdate();
    }

    static String like(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
