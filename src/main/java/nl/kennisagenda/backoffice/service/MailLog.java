package nl.kennisagenda.backoffice.service;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.security.ForbiddenException;
import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.MailOutbox;
import nl.kennisagenda.mail.MailStatus;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.message.OrganiserMessage;
import nl.kennisagenda.registration.Registration;

/**
 * The mail log of the back-office: the outbox rows (they are kept after sending) as the actor may see them.
 * Administrators see every mail; organisers and observers the mails about registrations for events of their own
 * organisations; mails that belong to no event (password links) only administrators. Every method checks the
 * actor itself with {@link AccessPolicy}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MailLog {

    public static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The token in a password link; never shown in the log. */
    private static final Pattern PASSWORD_LINK = Pattern.compile("(/admin/password-reset/)[A-Za-z0-9_-]+");
    static final String MASK = "\u2022\u2022\u2022\u2022\u2022\u2022";

    @Inject
    MailOutbox outbox;

    /** Where a mail stands, as the log tells it; the outbox's PENDING is split into queued and retrying. */
    public enum Shown {
        QUEUED, RETRYING, SENDING, SENT, FAILED, SUPERSEDED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Shown of(MailStatus status, int attempts) {
            return switch (status) {
                case PENDING -> attempts == 0 ? QUEUED : RETRYING;
                case SENDING -> SENDING;
                case SENT -> SENT;
                case FAILED -> FAILED;
                case SUPERSEDED -> SUPERSEDED;
            };
        }

        public static Optional<Shown> fromCode(String code) {
            for (Shown shown : values()) {
                if (shown.code().equals(code)) {
                    return Optional.of(shown);
                }
            }
            return Optional.empty();
        }
    }

    /** What to list: status code, kind, part of the recipient's address, one event; each optional. */
    public record Filter(Shown status, MailKind kind, String recipient, Long eventId) {
    }

    public record Row(long id, String created, String createdIso, String recipient, MailKind kind, String subject,
            String status, int attempts, String sent, String lastError, String event) {
    }

    public record Page(List<Row> rows, int page, int pages, long total) {
    }

    public record Attachment(String fileName, String contentType) {
    }

    /** One mail as sent: its facts, header fields, and content (password links masked). */
    public record Detail(long id, MailKind kind, String recipient, String subject, String status, int attempts,
            String created, String nextAttempt, String rendered, String sent, String lastError, String messageId,
            String language, Map<String, String> headers, List<Attachment> attachments, String text, String html,
            String event, Long eventId, boolean masked, boolean canRetry, Long organiserMessageId) {
    }

    /** One page (from 1) of the mails the actor may see, newest first. For one event: 403 unless readable. */
    public Page list(Actor actor, Filter filter, int page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.eventId() != null) {
            Event event = Event.<Event>findByIdOptional(filter.eventId()).orElseThrow(
                    jakarta.ws.rs.NotFoundException::new);
            AccessPolicy.requireCanRead(actor, event.organisation);
            where.append(" and (m.registrationId in (select r.id from Registration r where r.event.id = :event)"
                    + " or m.organiserMessageId in (select o.id from OrganiserMessage o where o.event.id = :event))");
            parameters.and("event", filter.eventId());
        } else if (!actor.isAdministrator()) {
            if (actor.organisationIds().isEmpty()) {
                return new Page(List.of(), 1, 1, 0);
            }
            where.append(" and (m.registrationId in (select r.id from Registration r"
                    + " where r.event.organisation.id in :organisations)"
                    + " or m.organiserMessageId in (select o.id from OrganiserMessage o"
                    + " where o.event.organisation.id in :organisations))");
            parameters.and("organisations", actor.organisationIds());
        }
        if (filter.status() != null) {
            switch (filter.status()) {
                case QUEUED -> where.append(" and m.status = :status and m.attempts = 0");
                case RETRYING -> where.append(" and m.status = :status and m.attempts > 0");
                default -> where.append(" and m.status = :status");
            }
            parameters.and("status", switch (filter.status()) {
                case QUEUED, RETRYING -> MailStatus.PENDING;
                case SENDING -> MailStatus.SENDING;
                case SENT -> MailStatus.SENT;
                case FAILED -> MailStatus.FAILED;
                case SUPERSEDED -> MailStatus.SUPERSEDED;
            });
        }
        if (filter.kind() != null) {
            where.append(" and m.kind = :kind");
            parameters.and("kind", filter.kind());
        }
        if (filter.recipient() != null && !filter.recipient().isBlank()) {
            where.append(" and lower(m.recipient) like :recipient escape '!'");
            parameters.and("recipient", "%" + likeEscaped(filter.recipient().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        var query = OutboxMail.<OutboxMail>find("from OutboxMail m where " + where + " order by m.createdAt desc,"
                + " m.id desc", parameters);
        long total = query.count();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        List<OutboxMail> mails = query.page(current - 1, PAGE_SIZE).list();
        Map<Long, Event> events = eventsOf(mails);
        List<Row> rows = new ArrayList<>();
        for (OutboxMail mail : mails) {
            Event event = mail.registrationId != null ? events.get(mail.registrationId) : eventOf(mail);
            // Whole seconds: HTML allows at most three digits of a fraction in <time datetime>.
            rows.add(new Row(mail.id, time(mail.createdAt), Dates.iso(mail.createdAt.truncatedTo(ChronoUnit.SECONDS)),
                    mail.recipient, mail.kind,
                    mail.subject, Shown.of(mail.status, mail.attempts).code(), mail.attempts, time(mail.sentAt),
                    mail.lastError, event == null ? null : event.title));
        }
        return new Page(rows, current, pages, total);
    }

    /** One mail with its content; empty when it does not exist, 403 when the actor may not see it. */
    public Optional<Detail> detail(Actor actor, long mailId) {
        OutboxMail mail = OutboxMail.findById(mailId);
        if (mail == null) {
            return Optional.empty();
        }
        Event event = requireCanRead(actor, mail);
        boolean masked = mail.kind == MailKind.PASSWORD_RESET || mail.kind == MailKind.ACCOUNT_INVITATION;
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Message-ID", mail.messageId);
        headers.putAll(mail.extraHeaders());
        return Optional.of(new Detail(mail.id, mail.kind, mail.recipient, mail.subject,
                Shown.of(mail.status, mail.attempts).code(), mail.attempts, time(mail.createdAt),
                mail.status == MailStatus.PENDING ? time(mail.nextAttemptAt) : null, time(mail.renderedAt),
                time(mail.sentAt), mail.lastError, mail.messageId, mail.locale, headers,
                mail.attachments.stream().map(a -> new Attachment(a.fileName, a.contentType)).toList(),
                masked ? mask(mail.textBody) : mail.textBody, masked ? mask(mail.htmlBody) : mail.htmlBody,
                event == null ? null : event.title, event == null ? null : event.id, masked,
                mail.status == MailStatus.FAILED && canChange(actor, event), mail.organiserMessageId));
    }

    /**
     * Puts a FAILED mail back in the queue through the outbox. Organisers of the event's organisation and
     * administrators may; observers may not.
     *
     * @return whether it was FAILED and is queued now; empty when there is no such mail
     */
    @Transactional
    public Optional<Boolean> retry(Actor actor, long mailId) {
        OutboxMail mail = OutboxMail.findById(mailId);
        if (mail == null) {
            return Optional.empty();
        }
        Event event = requireCanRead(actor, mail);
        if (!canChange(actor, event)) {
            throw new ForbiddenException();
        }
        return Optional.of(outbox.retry(mailId));
    }

    /** The event the mail belongs to (null: none), after checking the actor may read it. */
    private static Event requireCanRead(Actor actor, OutboxMail mail) {
        Event event = eventOf(mail);
        if (event == null) {
            if (!actor.isAdministrator()) {
                throw new ForbiddenException();
            }
            return null;
        }
        AccessPolicy.requireCanRead(actor, event.organisation);
        return event;
    }

    private static boolean canChange(Actor actor, Event event) {
        return event == null ? actor.isAdministrator() : AccessPolicy.canChange(actor, event.organisation);
    }

    private static Event eventOf(OutboxMail mail) {
        if (mail.registrationId == null) {
            // A test of an organiser message goes to the organiser, not to a registration: it belongs to the event.
            OrganiserMessage message = mail.organiserMessageId == null ? null
                    : OrganiserMessage.findById(mail.organiserMessageId);
            return message == null ? null : message.event;
        }
        Registration registration = Registration.findById(mail.registrationId);
        return registration == null ? null : registration.event;
    }

    private static Map<Long, Event> eventsOf(List<OutboxMail> mails) {
        List<Long> ids = mails.stream().map(mail -> mail.registrationId).filter(id -> id != null).distinct().toList();
        Map<Long, Event> events = new HashMap<>();
        if (!ids.isEmpty()) {
            Registration.<Registration>list("select r from Registration r join fetch r.event where r.id in ?1", ids)
                    .forEach(registration -> events.put(registration.id, registration.event));
        }
        return events;
    }

    /** The text with the token of every password link replaced. */
    static String mask(String text) {
        return text == null ? null : PASSWORD_LINK.matcher(text).replaceAll("$1" + MASK);
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(Dates.local(instant));
    }
}
