package nl.kennisagenda.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.backoffice.AdmNotifyMessages;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged;

/**
 * Notification mails to the people who run an event (docs/mail.md, "Organiser notifications"): the event or a
 * breakout session just became full, the waiting list started, and a daily summary of sign-ups and cancellations.
 * <p>
 * Recipients: the accounts that turned notifications on for the event (table organiser_notifications, off by default)
 * and can still read it; for "full" and "waiting list" also the event's contact person (contact_email), who has no
 * account and therefore no switch. Written to the outbox rendered, in the transaction of the registration change that
 * caused them, so the mail exists exactly when the change committed.
 * <p>
 * "Once": a full notice goes out on the transition only, i.e. when a new confirmed sign-up takes the last place
 * (confirmed count reaches the capacity exactly). Later waitlisted sign-ups change no confirmed count, so they send
 * nothing; if places come free and a new sign-up fills the last one again, that is a new transition and a new notice.
 * Promotions from the waiting list do not count as becoming full: there already was a waiting list, so the event was
 * full before. The waiting list "starts" when a waitlisting makes the waiting list one person long.
 */
@ApplicationScoped
@Named("organiserNotices")
public class OrganiserNotices implements MailRenderer {

    private static final Logger LOG = Logger.getLogger(OrganiserNotices.class);

    @Inject
    MailOutbox outbox;

    @Inject
    SiteConfig site;

    @Inject
    EntityManager em;

    /** What a notice shows: its paragraphs and the link to the event's back-office page. */
    public record NoticeView(List<String> lines, String link, String linkLine) {
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance notice(NoticeView m, MailFrame frame);
    }

    @Override
    public boolean renders(MailKind kind) {
        return kind == MailKind.ORGANISER_EVENT_FULL || kind == MailKind.ORGANISER_SESSION_FULL
                || kind == MailKind.ORGANISER_WAITLIST_STARTED || kind == MailKind.ORGANISER_DAILY_SUMMARY;
    }

    /** Always enqueued rendered; a row without content (written by hand) is not sent. */
    @Override
    public Optional<String> render(OutboxMail mail) {
        return mail.isRendered() ? Optional.empty()
                : Optional.of("Superseded: organiser notifications are rendered when they are written");
    }

    // ---- the switch -------------------------------------------------------------------------------------------

    /** Whether this account has notifications on for this event (used by the event hub). */
    public boolean isOn(long accountId, long eventId) {
        Number count = (Number) em.createNativeQuery(
                "select count(*) from organiser_notifications where account_id = ?1 and event_id = ?2")
                .setParameter(1, accountId).setParameter(2, eventId).getSingleResult();
        return count.longValue() > 0;
    }

    /** Turns the actor's own notifications for the event on or off; needs read access to the event. */
    @Transactional
    public void set(Actor actor, long eventId, boolean on) {
        Event event = Event.<Event> findByIdOptional(eventId).orElseThrow(jakarta.ws.rs.NotFoundException::new);
        AccessPolicy.requireCanRead(actor, event.organisation);
        em.createNativeQuery("delete from organiser_notifications where account_id = ?1 and event_id = ?2")
                .setParameter(1, actor.accountId()).setParameter(2, eventId).executeUpdate();
        if (on) {
            em.createNativeQuery("insert into organiser_notifications (account_id, event_id, created_at)"
                    + " values (?1, ?2, ?3)").setParameter(1, actor.accountId()).setParameter(2, eventId)
                    .setParameter(3, Instant.now()).executeUpdate();
        }
    }

    /** The addresses of the active accounts that turned notifications on for the event and may still read it. */
    @SuppressWarnings("unchecked")
    List<String> subscribers(Event event) {
        List<Number> ids = em.createNativeQuery(
                "select account_id from organiser_notifications where event_id = ?1 order by account_id")
                .setParameter(1, event.id).getResultList();
        List<String> addresses = new ArrayList<>();
        for (Number id : ids) {
            Account account = Account.findById(id.longValue());
            if (account != null && account.active && AccessPolicy.canRead(Actor.of(account), event.organisation)) {
                addresses.add(account.email);
            }
        }
        return addresses;
    }

    // ---- notices on registration changes ------------------------------------------------------------------------

    void onRegistrationChanged(@Observes RegistrationChanged changed) {
        Registration registration = changed.registration();
        Event event = registration.event;
        switch (changed.change()) {
            case CONFIRMED -> {
                // At a hybrid event the capacity is the on-site one: only that one filling up is "the event is full"
                // (the online places have their own count, see docs/signup.md).
                boolean onSite = registration.mode() == nl.kennisagenda.event.AttendanceMode.ON_SITE;
                if (event.capacity != null && (!event.isHybrid() || onSite)
                        && event.confirmedFor(registration.mode()) == event.capacity) {
                    AdmNotifyMessages m = messages("nl");
                    notify(event, MailKind.ORGANISER_EVENT_FULL, true, m.event_full_subject(event.title),
                            List.of(m.event_full_line(event.title, event.capacity)));
                }
                for (ProgrammeItem session : registration.sessions) {
                    if (session.capacity != null && session.confirmedCount == session.capacity) {
                        AdmNotifyMessages m = messages("nl");
                        notify(event, MailKind.ORGANISER_SESSION_FULL, true, m.session_full_subject(session.title),
                                List.of(m.session_full_line(session.title, event.title, session.capacity)));
                    }
                }
            }
            case WAITLISTED -> {
                if (event.waitlistedCount == 1) {
                    AdmNotifyMessages m = messages("nl");
                    notify(event, MailKind.ORGANISER_WAITLIST_STARTED, true, m.waitlist_subject(event.title),
                            List.of(m.waitlist_line(event.title)));
                }
            }
            default -> {
                // Other changes are counted in the daily summary only.
            }
        }
    }

    /**
     * Writes one notice per recipient in the caller's transaction. An unusable address is logged and skipped: it
     * must never undo the sign-up that caused the notice.
     */
    private void notify(Event event, MailKind kind, boolean toContact, String subject, List<String> lines) {
        Map<String, Boolean> recipients = new LinkedHashMap<>();
        for (String address : subscribers(event)) {
            recipients.put(address.toLowerCase(Locale.ROOT), Boolean.FALSE);
        }
        if (toContact && event.contactEmail != null && !event.contactEmail.isBlank()) {
            recipients.putIfAbsent(event.contactEmail.trim().toLowerCase(Locale.ROOT), Boolean.TRUE);
        }
        for (Map.Entry<String, Boolean> recipient : recipients.entrySet()) {
            try {
                enqueue(event, kind, recipient.getKey(), recipient.getValue(), subject, lines);
            } catch (InvalidMailAddressException e) {
                LOG.warnf("No %s notice for event %d to an unusable address: %s", kind, event.id, e.getMessage());
            }
        }
    }

    private void enqueue(Event event, MailKind kind, String recipient, boolean contact, String subject,
            List<String> lines) {
        String lang = "nl";
        AdmNotifyMessages m = messages(lang);
        String link = site.url("/admin/events/" + event.id);
        String cleanSubject = MailHeaders.subject(subject);
        MailFrame frame = new MailFrame(lang, cleanSubject, event.title, m.mail_greeting(),
                List.of(m.mail_signature()), List.of(contact ? m.mail_footer_contact() : m.mail_footer_organiser()));
        MailTemplates.Rendered body = MailTemplates.render(
                Templates.notice(new NoticeView(lines, link, m.mail_link(link)), frame), Locale.forLanguageTag(lang));
        outbox.enqueue(new OutgoingMail(kind, null, recipient, lang, cleanSubject, body.text(), body.html(),
                List.of(), Map.of()));
    }

    private static AdmNotifyMessages messages(String lang) {
        return MessageBundles.get(AdmNotifyMessages.class, Localized.Literal.of(lang));
    }

    // ---- the daily summary ------------------------------------------------------------------------------------

    /** The number of sign-ups and cancellations of one event on one day (Amsterdam time). */
    public record DayCounts(long signups, long cancellations) {
        public boolean any() {
            return signups > 0 || cancellations > 0;
        }
    }

    /** Counts, from the registrations, the sign-ups made and the cancellations on the given day. */
    public static DayCounts countDay(Event event, LocalDate day) {
        Instant from = day.atStartOfDay(Dates.AMSTERDAM).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(Dates.AMSTERDAM).toInstant();
        long signups = Registration.count("event = ?1 and createdAt >= ?2 and createdAt < ?3", event, from, until);
        long cancellations = Registration.count("event = ?1 and cancelledAt >= ?2 and cancelledAt < ?3", event,
                from, until);
        return new DayCounts(signups, cancellations);
    }

    /**
     * Claims the summary of one event and day and writes it to the outbox, in the caller's transaction. The claim is
     * a row whose primary key is (event, day): a second run or another instance fails on it (the caller rolls back
     * and skips), so the summary goes out once.
     *
     * @return whether a summary was written (false when nobody wants it or nothing happened that day)
     */
    @Transactional(TxType.MANDATORY)
    public boolean writeSummary(long eventId, LocalDate day) {
        Event event = Event.findById(eventId);
        if (event == null) {
            return false;
        }
        List<String> recipients = subscribers(event);
        DayCounts counts = countDay(event, day);
        if (recipients.isEmpty() || !counts.any()) {
            return false;
        }
        int claimed = em.createNativeQuery("insert into organiser_daily_summaries"
                + " (event_id, summary_date, signups, cancellations, sent_at) select ?1, ?2, ?3, ?4, ?5"
                + " where not exists (select 1 from organiser_daily_summaries where event_id = ?1 and summary_date = ?2)")
                .setParameter(1, event.id).setParameter(2, day).setParameter(3, (int) counts.signups())
                .setParameter(4, (int) counts.cancellations()).setParameter(5, Instant.now()).executeUpdate();
        if (claimed != 1) {
            return false;
        }
        AdmNotifyMessages m = messages("nl");
        String dayText = Dates.day(day.atStartOfDay(Dates.AMSTERDAM).toInstant(), Locale.forLanguageTag("nl"));
        List<String> lines = List.of(m.summary_line(dayText, (int) counts.signups(), (int) counts.cancellations()),
                m.summary_totals(event.confirmedCount, event.waitlistedCount));
        for (String recipient : recipients) {
            try {
                enqueue(event, MailKind.ORGANISER_DAILY_SUMMARY, recipient, false,
                        m.summary_subject(event.title, dayText), lines);
            } catch (InvalidMailAddressException e) {
                LOG.warnf("No daily summary for event %d to an unusable address: %s", event.id, e.getMessage());
            }
        }
        return true;
    }

    /** The day a run at {@code now} summarises: yesterday in Amsterdam. */
    public static LocalDate previousDay(Instant now) {
        ZonedDateTime local = Dates.local(now);
        return local.toLocalDate().minusDays(1);
    }
}
