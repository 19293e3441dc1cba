package nl.kennisagenda.message;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.backoffice.editor.InvalidEditException;
import nl.kennisagenda.backoffice.service.MailLog;
import nl.kennisagenda.common.WebAddresses;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventMaterial;
import nl.kennisagenda.event.MaterialKind;
import nl.kennisagenda.event.Materials;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.mail.MailKind;
import nl.kennisagenda.mail.MailOutbox;
import nl.kennisagenda.mail.MailTemplates;
import nl.kennisagenda.mail.OutboxMail;
import nl.kennisagenda.mail.OutgoingMail;

/**
 * Writing, testing, scheduling and cancelling organiser messages, and preparing the follow-up after an event
 * (docs/messages.md). Every method takes the acting user and checks it: organisers of the event's organisation and
 * administrators only (observers neither read nor write messages: they are drafts of mails to people). Sending
 * itself is the {@link MessageDispatcher}'s job; this service only schedules ("send now" is due at once).
 */
@ApplicationScoped
public class OrganiserMessages {

    public static final int MAX_LINKS = 5;
    static final int MAX_SUBJECT = 250;
    static final int MAX_BODY = 20000;

    @Inject
    MessageMails mails;

    @Inject
    MailOutbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    SiteConfig site;

    public record LinkInput(String label, String url) {
    }

    /** A message as typed. {@code audience}: a group name, or {@code SESSION-<id>} for one breakout session. */
    public record MessageInput(String audience, String subjectNl, String bodyNl, String subjectEn, String bodyEn,
            List<LinkInput> links) {
    }

    /** One choice of the group select, with how many addresses it reaches now. */
    public record AudienceOption(String value, Audience audience, String session, long count) {
    }

    /** The preview of one language: subject and sanitised body HTML, with an example recipient. */
    public record Preview(String lang, String subject, String bodyHtml, List<MessageLink> links, String example) {
    }

    /** One recipient of a message that went out, from its outbox mail. */
    public record RecipientRow(long mailId, String recipient, Long registrationId, String status, Instant sentAt) {
    }

    /** The follow-up of an event: how many were present and absent, and the two messages once prepared. */
    public record FollowUp(Event event, boolean ended, long present, long absent, OrganiserMessage forPresent,
            OrganiserMessage forAbsent, String surveyUrl) {
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** The event, for an actor who may change it: 404 unknown, 403 outsiders and observers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Event event(Actor actor, long eventId) {
        Event event = Event.<Event> findByIdOptional(eventId).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanChange(actor, event.organisation);
        return event;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrganiserMessage> messages(Actor actor, long eventId) {
        event(actor, eventId);
        return OrganiserMessage.ofEvent(eventId);
    }

    /** One message of the event (after the access check): 404 when it belongs to another event. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrganiserMessage message(Actor actor, long eventId, long messageId) {
        event(actor, eventId);
        OrganiserMessage message = OrganiserMessage.findById(messageId);
        if (message == null || !message.event.id.equals(eventId)) {
            throw new NotFoundException();
        }
        return message;
    }

    /** Every group the event has, with its current number of addresses; one option per breakout session. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AudienceOption> audiences(Event event) {
        List<AudienceOption> options = new ArrayList<>();
        for (Audience audience : Audience.values()) {
            if (audience.needsSession()) {
                for (ProgrammeItem item : event.programme) {
                    if (item.kind == ProgrammeItemKind.BREAKOUT) {
                        options.add(new AudienceOption("SESSION-" + item.id, audience, item.title,
                                count(event, audience, item.id)));
                    }
                }
            } else {
                options.add(new AudienceOption(audience.name(), audience, null, count(event, audience, null)));
            }
        }
        return options;
    }

    /** The number of different addresses in the group now: the number of mails it would send. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Event event, Audience audience, Long sessionId) {
        Query query = em.createNativeQuery("select count(distinct lower(trim(r.email))) from registrations r"
                + " where r.event_id = :event and (" + audience.sqlCondition() + ")")
                .setParameter("event", event.id);
        if (audience.needsSession()) {
            query.setParameter("session", sessionId == null ? -1L : sessionId);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Subject and body as a recipient in this language would get them, with an example recipient of the group. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(OrganiserMessage message, String lang) {
        String example = exampleFirstName(message);
        MessageMails.Content content = mails.content(message, lang, new Placeholders.Values(example,
                MessageMails.title(message.event, lang), site.url("/registrations/voorbeeld")));
        return new Preview(content.lang(), content.subject(), content.bodyHtml(), content.links(), example);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecipientRow> recipients(OrganiserMessage message) {
        List<OutboxMail> sent = OutboxMail.list("organiserMessageId = ?1 and kind = ?2 order by id", message.id,
                MailKind.ORGANISER_MESSAGE);
        return sent.stream().map(mail -> new RecipientRow(mail.id, mail.recipient, mail.registrationId,
                MailLog.Shown.of(mail.status, mail.attempts).code(), mail.sentAt)).toList();
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    @Transactional
    public OrganiserMessage create(Actor actor, long eventId, MessageInput input) {
        Event event = event(actor, eventId);
        OrganiserMessage message = new OrganiserMessage();
        message.event = event;
        message.createdBy = actor.accountId();
        message.createdAt = Instant.now();
        apply(message, input, actor);
        message.persist();
        audit.record(ActedBy.of(actor), event, AuditLog.MESSAGE_SAVED, describe(message));
        return message;
    }

    /** Saves the content of a DRAFT or SCHEDULED message (a scheduled one stays scheduled). */
    @Transactional
    public OrganiserMessage update(Actor actor, long eventId, long messageId, MessageInput input) {
        OrganiserMessage message = locked(actor, eventId, messageId);
        requireEditable(message);
        apply(message, input, actor);
        audit.record(ActedBy.of(actor), message.event, AuditLog.MESSAGE_SAVED, describe(message));
        return message;
    }

    /** Due at once: the dispatcher picks it up on its next run. Refused for an empty group. */
    @Transactional
    public void sendNow(Actor actor, long eventId, long messageId, Instant now) {
        OrganiserMessage message = locked(actor, eventId, messageId);
        requireEditable(message);
        requireRecipients(message);
        message.status = MessageStatus.SCHEDULED;
        // Whole milliseconds: the database keeps microseconds, and a due time must never round up past "now".
        message.sendAt = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        touch(message, actor);
        audit.record(ActedBy.of(actor), message.event, AuditLog.MESSAGE_SEND_NOW, describe(message));
    }

    /** Scheduled for a date and time in Amsterdam, which must lie in the future. */
    @Transactional
    public void schedule(Actor actor, long eventId, long messageId, String date, String time, Instant now) {
        OrganiserMessage message = locked(actor, eventId, messageId);
        requireEditable(message);
        AdmMsgMessages m = current();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = null;
        LocalTime clock = null;
        try {
            day = LocalDate.parse(date == null ? "" : date.strip());
        } catch (DateTimeException e) {
            errors.put("sendDate", m.error_date());
        }
        try {
            clock = LocalTime.parse(time == null ? "" : time.strip());
        } catch (DateTimeException e) {
            errors.put("sendTime", m.error_time());
        }
        Instant at = day == null || clock == null ? null : day.atTime(clock).atZone(Dates.AMSTERDAM).toInstant();
        if (at != null && !at.isAfter(now)) {
            errors.put("sendDate", m.error_past());
        }
        if (!errors.isEmpty()) {
            throw new InvalidEditException(errors);
        }
        requireRecipients(message);
        message.status = MessageStatus.SCHEDULED;
        message.sendAt = at;
        touch(message, actor);
        audit.record(ActedBy.of(actor), message.event, AuditLog.MESSAGE_SCHEDULED,
                describe(message) + " @ " + Dates.local(at).toLocalDateTime());
    }

    /** Cancels a SCHEDULED message; a message the dispatcher already took can no longer be cancelled. */
    @Transactional
    public void cancel(Actor actor, long eventId, long messageId) {
        OrganiserMessage message = locked(actor, eventId, messageId);
        if (message.status != MessageStatus.SCHEDULED) {
            throw InvalidEditException.refused(current().error_not_cancellable());
        }
        message.status = MessageStatus.CANCELLED;
        touch(message, actor);
        audit.record(ActedBy.of(actor), message.event, AuditLog.MESSAGE_CANCELLED, describe(message));
    }

    /**
     * The test mail: this language's version with the organiser's own first name and an example manage link, to the
     * organiser's own address, rendered now and sent through the outbox.
     */
    @Transactional
    public OutboxMail sendTest(Actor actor, long eventId, long messageId, String lang) {
        OrganiserMessage message = message(actor, eventId, messageId);
        String firstName = actor.name() == null ? "" : actor.name().strip().split("\\s+")[0];
        String manageLink = site.url("/registrations/voorbeeld");
        MessageMails.Content content = mails.content(message, lang, new Placeholders.Values(firstName,
                MessageMails.title(message.event, lang), manageLink));
        MailTemplates.Rendered body = mails.body(message.event, content, manageLink);
        String subject = MessageMails.messages(content.lang()).mail_test_prefix() + " " + content.subject();
        OutboxMail mail = outbox.enqueue(new OutgoingMail(MailKind.ORGANISER_MESSAGE_TEST, null, actor.email(),
                content.lang(), subject, body.text(), body.html(), List.of(), mails.replyTo(message.event)));
        mail.organiserMessageId = message.id;
        audit.record(ActedBy.of(actor), message.event, AuditLog.MESSAGE_TEST_SENT,
                describe(message) + " (" + content.lang() + ") -> " + actor.email());
        return mail;
    }

    // ---- follow-up ---------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public FollowUp followUp(Actor actor, long eventId, Instant now) {
        Event event = event(actor, eventId);
        return new FollowUp(event, hasEnded(event, now), count(event, Audience.PRESENT, null),
                count(event, Audience.ABSENT, null), existing(event, MessagePurpose.FOLLOW_UP_PRESENT).orElse(null),
                existing(event, MessagePurpose.FOLLOW_UP_ABSENT).orElse(null), surveyMaterial(event)
                        .map(material -> material.url).orElse(""));
    }

    /**
     * Prepares the two follow-up drafts from the event's materials (or leaves the ones that exist): to those present
     * thanks, slides, recording, other materials and the survey; to those absent the recording and the slides.
     * {@code surveyUrl} (optional) overrides a survey found among the materials.
     */
    @Transactional
    public FollowUp prepareFollowUp(Actor actor, long eventId, String surveyUrl, Instant now) {
        Event event = event(actor, eventId);
        AdmMsgMessages m = current();
        if (!hasEnded(event, now)) {
            throw InvalidEditException.refused(m.error_not_ended());
        }
        String survey = surveyUrl == null || surveyUrl.isBlank() ? null : surveyUrl.strip();
        if (survey != null && (!WebAddresses.isWebAddress(survey) || survey.length() > 1000)) {
            throw new InvalidEditException(Map.of("surveyUrl", m.error_url()));
        }
        if (survey == null) {
            survey = surveyMaterial(event).map(material -> material.url).orElse(null);
        }
        if (existing(event, MessagePurpose.FOLLOW_UP_PRESENT).isEmpty()) {
            createFollowUp(actor, event, MessagePurpose.FOLLOW_UP_PRESENT, Audience.PRESENT, survey,
                    followUpLinks(event, true));
        }
        if (existing(event, MessagePurpose.FOLLOW_UP_ABSENT).isEmpty()) {
            createFollowUp(actor, event, MessagePurpose.FOLLOW_UP_ABSENT, Audience.ABSENT, null,
                    followUpLinks(event, false));
        }
        return followUp(actor, eventId, now);
    }

    private void createFollowUp(Actor actor, Event event, MessagePurpose purpose, Audience audience, String survey,
            List<MessageLink> links) {
        AdmMsgMessages nl = MessageMails.messages("nl");
        AdmMsgMessages en = MessageMails.messages("en");
        boolean present = purpose == MessagePurpose.FOLLOW_UP_PRESENT;
        String organiser = event.organisation == null ? "" : event.organisation.name;
        OrganiserMessage message = new OrganiserMessage();
        message.event = event;
        message.purpose = purpose;
        message.audience = audience;
        // The texts take the placeholders as parameters: a brace in a message bundle would be a Qute expression.
        message.subjectNl = present ? nl.followup_present_subject("{evenement}")
                : nl.followup_absent_subject("{evenement}");
        message.bodyNl = (present ? nl.followup_present_body("{voornaam}", "{evenement}")
                : nl.followup_absent_body("{voornaam}", "{evenement}"))
                + (survey == null ? "" : "\n\n" + nl.followup_survey(survey)) + "\n\n" + nl.followup_closing(organiser);
        message.subjectEn = present ? en.followup_present_subject("{event}") : en.followup_absent_subject("{event}");
        message.bodyEn = (present ? en.followup_present_body("{first_name}", "{event}")
                : en.followup_absent_body("{first_name}", "{event}"))
                + (survey == null ? "" : "\n\n" + en.followup_survey(survey)) + "\n\n" + en.followup_closing(organiser);
        message.links.addAll(links);
        message.createdBy = actor.accountId();
        message.createdAt = Instant.now();
        touch(message, actor);
        message.persist();
        audit.record(ActedBy.of(actor), event, AuditLog.MESSAGE_SAVED, describe(message));
    }

    /**
     * The event's materials as its public "Terugblik" lists them ({@link Materials#grouped}: the same groups, order
     * and items), so the mail and the page agree. Present: everything but the survey (that is in the text); absent:
     * the slides and the recording only.
     */
    private static List<MessageLink> followUpLinks(Event event, boolean present) {
        List<MessageLink> links = new ArrayList<>();
        for (Materials.Group group : Materials.grouped(event)) {
            if (!present && group.kind() != MaterialKind.SLIDES && group.kind() != MaterialKind.RECORDING) {
                continue;
            }
            for (EventMaterial material : group.items()) {
                if (links.size() < MAX_LINKS && WebAddresses.isWebAddress(material.url) && !isSurvey(material)) {
                    links.add(new MessageLink(material.title, material.url.strip()));
                }
            }
        }
        return links;
    }

    /** A LINK material whose title says it is a survey or an evaluation. */
    static boolean isSurvey(EventMaterial material) {
        if (material.kind != MaterialKind.LINK) {
            return false;
        }
        String title = (material.title + " " + (material.titleEn == null ? "" : material.titleEn))
                .toLowerCase(Locale.ROOT);
        return List.of("evaluatie", "enquête", "enquete", "vragenlijst", "survey", "evaluation", "feedback")
                .stream().anyMatch(title::contains);
    }

    private static Optional<EventMaterial> surveyMaterial(Event event) {
        return event.materials.stream().filter(OrganiserMessages::isSurvey)
                .filter(material -> WebAddresses.isWebAddress(material.url)).findFirst();
    }

    private static Optional<OrganiserMessage> existing(Event event, MessagePurpose purpose) {
        return OrganiserMessage.<OrganiserMessage> find("event.id = ?1 and purpose = ?2 and status <> ?3 order by id",
                event.id, purpose, MessageStatus.CANCELLED).firstResultOptional();
    }

    public static boolean hasEnded(Event event, Instant now) {
        Instant end = event.endsAt != null ? event.endsAt : event.startsAt;
        return end != null && end.isBefore(now);
    }

    // ---- rules -------------------------------------------------------------------------------------------------

    /** Checks and stores the typed content; every problem is reported at once, by field. */
    private void apply(OrganiserMessage message, MessageInput input, Actor actor) {
        AdmMsgMessages m = current();
        Map<String, String> errors = new LinkedHashMap<>();
        Audience audience = null;
        ProgrammeItem session = null;
        String chosen = input.audience() == null ? "" : input.audience().strip();
        if (chosen.startsWith("SESSION-") && chosen.substring(8).matches("[0-9]{1,18}")) {
            long sessionId = Long.parseLong(chosen.substring(8));
            session = message.event.programme.stream().filter(item -> item.id == sessionId
                    && item.kind == ProgrammeItemKind.BREAKOUT).findFirst().orElse(null);
            audience = session == null ? null : Audience.SESSION;
        } else {
            for (Audience candidate : Audience.values()) {
                if (!candidate.needsSession() && candidate.name().equals(chosen)) {
                    audience = candidate;
                }
            }
        }
        if (audience == null) {
            errors.put("audience", m.error_audience());
        }
        String subjectNl = text("subjectNl", input.subjectNl(), MAX_SUBJECT, true, m, errors);
        String bodyNl = text("bodyNl", input.bodyNl(), MAX_BODY, true, m, errors);
        String subjectEn = text("subjectEn", input.subjectEn(), MAX_SUBJECT, false, m, errors);
        String bodyEn = text("bodyEn", input.bodyEn(), MAX_BODY, false, m, errors);
        if ((subjectEn == null) != (bodyEn == null) && !errors.containsKey("subjectEn")
                && !errors.containsKey("bodyEn")) {
            errors.put(subjectEn == null ? "subjectEn" : "bodyEn", m.error_english_both());
        }
        List<MessageLink> links = new ArrayList<>();
        List<LinkInput> typed = input.links() == null ? List.of() : input.links();
        for (int i = 0; i < typed.size() && i < MAX_LINKS; i++) {
            String field = String.valueOf(i + 1);
            String label = text("linkLabel" + field, typed.get(i).label(), 200, false, m, errors);
            String url = text("linkUrl" + field, typed.get(i).url(), 1000, false, m, errors);
            if (url != null && !WebAddresses.isWebAddress(url)) {
                errors.put("linkUrl" + field, m.error_url());
            } else if (url != null && label == null && !errors.containsKey("linkLabel" + field)) {
                errors.put("linkLabel" + field, m.error_link_label());
            } else if (url == null && label != null && !errors.containsKey("linkUrl" + field)) {
                errors.put("linkUrl" + field, m.error_url());
            }
            if (url != null && label != null) {
                links.add(new MessageLink(label, url));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidEditException(errors);
        }
        message.audience = audience;
        message.session = session;
        message.subjectNl = subjectNl;
        message.bodyNl = bodyNl;
        message.subjectEn = subjectEn;
        message.bodyEn = bodyEn;
        message.links.clear();
        message.links.addAll(links);
        touch(message, actor);
    }

    /** Trimmed text (null when empty), within its length, without control characters or unknown placeholders. */
    private static String text(String field, String value, int max, boolean required, AdmMsgMessages m,
            Map<String, String> errors) {
        String clean = value == null ? null : value.replace("\r\n", "\n").strip();
        if (clean == null || clean.isEmpty()) {
            if (required) {
                errors.put(field, m.error_required());
            }
            return null;
        }
        if (clean.length() > max) {
            errors.put(field, m.error_too_long(max));
            return null;
        }
        if (clean.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.put(field, m.error_control_characters());
            return null;
        }
        List<String> unknown = Placeholders.unknown(clean);
        if (!unknown.isEmpty()) {
            errors.put(field, m.error_placeholder(String.join(", ", unknown)));
            return null;
        }
        return clean;
    }

    /**
     * The message, locked for this transaction and read after the lock (never an earlier copy), so a status checked
     * here cannot change under us: the dispatcher's claim waits for our commit and then re-checks its condition.
     */
    private OrganiserMessage locked(Actor actor, long eventId, long messageId) {
        event(actor, eventId);
        OrganiserMessage message = em.find(OrganiserMessage.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || !message.event.id.equals(eventId)) {
            throw new NotFoundException();
        }
        return message;
    }

    private static void requireEditable(OrganiserMessage message) {
        if (!message.status.isEditable()) {
            throw InvalidEditException.refused(current().error_not_editable());
        }
    }

    private void requireRecipients(OrganiserMessage message) {
        if (count(message.event, message.audience, message.session == null ? null : message.session.id) == 0) {
            throw InvalidEditException.refused(current().error_no_recipients());
        }
    }

    private static void touch(OrganiserMessage message, Actor actor) {
        message.updatedBy = actor.accountId();
        message.updatedAt = Instant.now();
    }

    /** The first name of the group's first registration, or an example name when the group is empty. */
    private String exampleFirstName(OrganiserMessage message) {
        Query query = em.createNativeQuery("select r.first_name from registrations r where r.event_id = :event and ("
                + message.audience.sqlCondition() + ") order by r.id").setParameter("event", message.event.id)
                .setMaxResults(1);
        if (message.audience.needsSession()) {
            query.setParameter("session", message.session == null ? -1L : message.session.id);
        }
        @SuppressWarnings("unchecked")
        List<String> names = query.getResultList();
        return names.isEmpty() || names.get(0) == null ? "Anna" : names.get(0);
    }

    private static String describe(OrganiserMessage message) {
        return "#" + message.id + " \"" + message.subjectNl + "\" -> " + message.audience.name()
                + (message.session == null ? "" : " " + message.session.title);
    }

    static AdmMsgMessages current() {
        return MessageMails.messages(CurrentLocale.from(null).getLanguage());
    }
}
