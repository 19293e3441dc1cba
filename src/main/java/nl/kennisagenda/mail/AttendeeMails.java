package nl.kennisagenda.mail;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import nl.kennisagenda.calendar.PersonalInvites;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventLines;
import nl.kennisagenda.event.EventChanged;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationChanged;
import nl.kennisagenda.registration.RegistrationStatus;

/**
 * Every mail to attendees, in their own language, written to the outbox in the transaction of the change that
 * causes it. Listens to {@link RegistrationChanged} and {@link EventChanged}; the reminder job calls
 * {@link #reminder(Registration)}.
 */
@ApplicationScoped
public class AttendeeMails implements MailRenderer {

    private static final Logger LOG = Logger.getLogger(AttendeeMails.class);
    static final String INVITE_FILE = "invite.ics";

    @Inject
    MailOutbox outbox;

    @Inject
    SiteConfig site;

    @Inject
    PersonalInvites invites;

    @Inject
    MailConfig config;

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance confirmation(MailView m, MailFrame frame);

        static native MailTemplateInstance waitingList(MailView m, MailFrame frame);

        static native MailTemplateInstance promotion(MailView m, MailFrame frame);

        static native MailTemplateInstance cancellation(MailView m, MailFrame frame);

        static native MailTemplateInstance registrationUpdated(MailView m, MailFrame frame);

        static native MailTemplateInstance sessionsChanged(MailView m, MailFrame frame);

        static native MailTemplateInstance duplicateSignup(MailView m, MailFrame frame);

        static native MailTemplateInstance reminder(MailView m, MailFrame frame);

        static native MailTemplateInstance eventUpdated(MailView m, MailFrame frame);

        static native MailTemplateInstance eventCancelled(MailView m, MailFrame frame);

        static native MailTemplateInstance registrationPending(MailView m, MailFrame frame);

        static native MailTemplateInstance registrationDeclined(MailView m, MailFrame frame);
    }

    /** Which calendar document goes with a mail. */
    enum Invite {
        NONE, REQUEST, CANCEL
    }

    void onRegistrationChanged(@Observes RegistrationChanged changed) {
        Registration registration = changed.registration();
        switch (changed.change()) {
            case CONFIRMED -> enqueue(registration, MailKind.CONFIRMATION);
            case WAITLISTED -> enqueue(registration, MailKind.WAITING_LIST);
            case PROMOTED -> enqueue(registration, MailKind.PROMOTION);
            case CANCELLED -> enqueue(registration, MailKind.CANCELLATION);
            case UPDATED, MOVED -> enqueue(registration,
                    changed.calendarChanged() ? MailKind.SESSIONS_CHANGED : MailKind.REGISTRATION_UPDATED);
            case PENDING -> enqueue(registration, MailKind.REGISTRATION_PENDING);
            case DECLINED -> enqueue(registration, MailKind.REGISTRATION_DECLINED);
            case CHECKED_IN, CHECK_IN_UNDONE -> {
                // Presence on the day: no mail.
            }
            case DUPLICATE_SIGNUP -> {
                if (!recentlyMailed(registration, MailKind.DUPLICATE_SIGNUP, config.duplicateSignupQuietPeriod())) {
                    enqueue(registration, MailKind.DUPLICATE_SIGNUP);
                }
            }
        }
    }

    private static boolean recentlyMailed(Registration registration, MailKind kind, Duration period) {
        return OutboxMail.count("registrationId = ?1 and kind = ?2 and createdAt > ?3", registration.id, kind,
                Instant.now().minus(period)) > 0;
    }

    void onEventChanged(@Observes EventChanged changed) {
        Event event = changed.event();
        List<RegistrationStatus> statuses = switch (changed.change()) {
            case RESCHEDULED -> List.of(RegistrationStatus.CONFIRMED);
            case CANCELLED -> List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED,
                    RegistrationStatus.PENDING);
        };
        MailKind kind = changed.change() == EventChanged.Change.RESCHEDULED ? MailKind.EVENT_UPDATED
                : MailKind.EVENT_CANCELLED;
        List<Registration> registrations = Registration.list("event = ?1 and status in ?2 order by id", event,
                statuses);
        for (Registration registration : registrations) {
            try {
                enqueue(registration, kind);
            } catch (InvalidMailAddressException e) {
                // One unusable address must not stop the organiser's change or the other attendees' mails.
                LOG.warnf("No %s mail for registration %d: %s", kind, registration.id, e.getMessage());
            }
        }
    }

    /** The reminder for a confirmed registration; the caller marks the registration as reminded. */
    @Transactional(TxType.MANDATORY)
    public OutboxMail reminder(Registration registration) {
        return enqueue(registration, MailKind.REMINDER);
    }

    /**
     * Writes the light outbox row for a mail about the registration: kind, validated recipient, registration and
     * language. Nothing is rendered here: this runs inside the transaction of the change, which for a sign-up holds
     * the event's row lock, so templates and invites are left to the sender ({@link #render}).
     */
    @Transactional(TxType.MANDATORY)
    OutboxMail enqueue(Registration registration, MailKind kind) {
        return outbox.enqueue(OutgoingMail.deferred(kind, registration.id, registration.email,
                language(registration.locale)));
    }

    private static String language(String locale) {
        return CurrentLocale.supported(locale).orElse(CurrentLocale.DUTCH).getLanguage();
    }

    /**
     * Renders a stored, not yet rendered mail from the current state of its registration and stores subject,
     * bodies and attachments on the row; the kind decides the template, the stored language the texts.
     * <p>
     * A mail whose registration is no longer in the state the mail announces is not rendered (see
     * {@link #supersededBecause}); its caller marks it {@link MailStatus#SUPERSEDED}.
     *
     * @return empty when rendered, else why the mail is superseded
     */
    /** The mails to one attendee about their registration or its event. */
    private static final Set<MailKind> KINDS = EnumSet.of(MailKind.CONFIRMATION, MailKind.WAITING_LIST,
            MailKind.PROMOTION, MailKind.CANCELLATION, MailKind.REGISTRATION_UPDATED, MailKind.SESSIONS_CHANGED,
            MailKind.DUPLICATE_SIGNUP,
            MailKind.REMINDER, MailKind.EVENT_UPDATED, MailKind.EVENT_CANCELLED, MailKind.REGISTRATION_PENDING,
            MailKind.REGISTRATION_DECLINED);

    @Override
    public boolean renders(MailKind kind) {
        return KINDS.contains(kind);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<String> render(OutboxMail mail) {
        if (mail.isRendered()) {
            return Optional.empty();
        }
        Registration registration = mail.registrationId == null ? null
                : Registration.findById(mail.registrationId);
        if (registration == null) {
            return Optional.of("Superseded: the registration no longer exists");
        }
        Optional<String> superseded = supersededBecause(mail.kind, registration.status,
                registration.event.status == EventStatus.CANCELLED);
        if (superseded.isPresent()) {
            return superseded;
        }
        MailKind kind = mail.kind;
        Locale locale = CurrentLocale.supported(mail.locale != null ? mail.locale : registration.locale)
                .orElse(CurrentLocale.DUTCH);
        MailMessages messages = MessageBundles.get(MailMessages.class, Localized.Literal.of(locale.getLanguage()));
        Invite invite = invite(kind, registration);
        List<MailAttachment> attachments = attachments(registration, invite);
        String subject = MailHeaders.subject(subject(kind, registration, messages, locale));
        MailView view = view(registration, kind, locale, subject, messages, invite, !attachments.isEmpty());
        Rendered body = render(template(kind, view, frame(view, messages)), locale);
        mail.subject = subject;
        mail.textBody = body.text();
        mail.htmlBody = body.html();
        mail.attachments.clear();
        mail.attachments.addAll(attachments);
        mail.renderedAt = Instant.now();
        return Optional.empty();
    }

    /**
     * Whether a mail still says something true when it is rendered. Each mail about a registration announces a
     * state; when the registration has left that state before the sender got to the mail, the change that moved it
     * wrote its own mail in its own transaction (cancelled: CANCELLATION, promoted: PROMOTION, signed up again:
     * CONFIRMATION or WAITING_LIST), and that mail tells the person where they stand. Sending the old one as well
     * would contradict it (a confirmation with the join link and a calendar REQUEST for a place the person has
     * already given up, or a waiting-list mail saying "you are confirmed"), so it is left out.
     * <ul>
     * <li>CONFIRMATION, PROMOTION, REMINDER, EVENT_UPDATED: only while CONFIRMED;</li>
     * <li>WAITING_LIST: only while WAITLISTED;</li>
     * <li>CANCELLATION: only while CANCELLED (a person who signed up again gets the new confirmation, and a CANCEL
     * invite would remove their new calendar entry, which has the same UID);</li>
     * <li>REGISTRATION_UPDATED, SESSIONS_CHANGED, DUPLICATE_SIGNUP: while not CANCELLED (or DECLINED);</li>
     * <li>EVENT_CANCELLED: always (the event is cancelled whatever happened to the registration).</li>
     * </ul>
     * Once the event itself is cancelled, only EVENT_CANCELLED and CANCELLATION are still sent: a confirmation or
     * update rendered after that would hand out a join link and a calendar REQUEST for an event that will not take
     * place; the EVENT_CANCELLED mail went to every confirmed and waitlisted person.
     */
    static Optional<String> supersededBecause(MailKind kind, RegistrationStatus status, boolean eventCancelled) {
        if (eventCancelled && kind != MailKind.EVENT_CANCELLED && kind != MailKind.CANCELLATION) {
            return Optional.of("Superseded: the event is cancelled, the EVENT_CANCELLED mail says so");
        }
        boolean current = switch (kind) {
            case CONFIRMATION, PROMOTION, REMINDER, EVENT_UPDATED -> status == RegistrationStatus.CONFIRMED;
            case WAITING_LIST -> status == RegistrationStatus.WAITLISTED;
            case CANCELLATION -> status == RegistrationStatus.CANCELLED;
            case REGISTRATION_UPDATED, SESSIONS_CHANGED, DUPLICATE_SIGNUP -> status != RegistrationStatus.CANCELLED
                    && status != RegistrationStatus.DECLINED;
            case EVENT_CANCELLED -> true;
            case REGISTRATION_PENDING -> status == RegistrationStatus.PENDING;
            case REGISTRATION_DECLINED -> status == RegistrationStatus.DECLINED;
            default -> false;
        };
        return current ? Optional.empty()
                : Optional.of("Superseded: the registration is " + status + " now, a later mail says so");
    }

    /** The person's own calendar document for the mail (built by the calendar feature with ical4j). */
    List<MailAttachment> attachments(Registration registration, Invite invite) {
        return switch (invite) {
            case NONE -> List.of();
            case REQUEST -> List.of(new MailAttachment(INVITE_FILE, MailAttachment.INVITE_REQUEST,
                    invites.request(registration)));
            case CANCEL -> List.of(new MailAttachment(INVITE_FILE, MailAttachment.INVITE_CANCEL,
                    invites.cancel(registration)));
        };
    }

    /**
     * The invite that goes with a mail. A change of sessions updates the calendar entry of a confirmed person (same
     * UID, higher SEQUENCE); a waitlisted person never got an entry by mail, so none is sent to them.
     */
    static Invite invite(MailKind kind, Registration registration) {
        return switch (kind) {
            case CONFIRMATION, PROMOTION, EVENT_UPDATED -> Invite.REQUEST;
            case SESSIONS_CHANGED -> registration.isConfirmed() ? Invite.REQUEST : Invite.NONE;
            case CANCELLATION, EVENT_CANCELLED -> Invite.CANCEL;
            default -> Invite.NONE;
        };
    }

    private static String subject(MailKind kind, Registration registration, MailMessages messages,
            Locale locale) {
        String title = registration.event.title;
        return switch (kind) {
            case CONFIRMATION -> messages.subject_confirmation(title);
            case WAITING_LIST -> messages.subject_waiting_list(title);
            case PROMOTION -> messages.subject_promotion(title);
            case CANCELLATION -> messages.subject_cancellation(title);
            case REGISTRATION_UPDATED -> messages.subject_registration_updated(title);
            case SESSIONS_CHANGED -> messages.subject_sessions_changed(title);
            case DUPLICATE_SIGNUP -> messages.subject_duplicate_signup(title);
            case REMINDER -> messages.subject_reminder(title, Dates.day(registration.event.startsAt, locale)
                    + ", " + Dates.time(registration.event.startsAt));
            case EVENT_UPDATED -> messages.subject_event_updated(title);
            case EVENT_CANCELLED -> messages.subject_event_cancelled(title);
            case REGISTRATION_PENDING -> messages.subject_pending(title);
            case REGISTRATION_DECLINED -> messages.subject_declined(title);
            default -> throw new IllegalArgumentException("Not an attendee mail: " + kind);
        };
    }

    private static MailTemplateInstance template(MailKind kind, MailView view, MailFrame frame) {
        return switch (kind) {
            case CONFIRMATION -> Templates.confirmation(view, frame);
            case WAITING_LIST -> Templates.waitingList(view, frame);
            case PROMOTION -> Templates.promotion(view, frame);
            case CANCELLATION -> Templates.cancellation(view, frame);
            case REGISTRATION_UPDATED -> Templates.registrationUpdated(view, frame);
            case SESSIONS_CHANGED -> Templates.sessionsChanged(view, frame);
            case DUPLICATE_SIGNUP -> Templates.duplicateSignup(view, frame);
            case REMINDER -> Templates.reminder(view, frame);
            case EVENT_UPDATED -> Templates.eventUpdated(view, frame);
            case EVENT_CANCELLED -> Templates.eventCancelled(view, frame);
            case REGISTRATION_PENDING -> Templates.registrationPending(view, frame);
            case REGISTRATION_DECLINED -> Templates.registrationDeclined(view, frame);
            default -> throw new IllegalArgumentException("Not an attendee mail: " + kind);
        };
    }

    MailView view(Registration registration, MailKind kind, Locale locale, String subject, MailMessages messages,
            Invite invite, boolean inviteAttached) {
        Event event = registration.event;
        Instant now = Instant.now();
        boolean cancels = cancels(kind);
        return new MailView(locale.getLanguage(), subject, registration, event,
                Dates.range(event.startsAt, event.endsAt, locale),
                where(registration, locale, messages),
                EventLines.organisers(event, locale),
                contact(event),
                statusLine(registration, messages),
                joinUrlFor(registration, kind),
                cancels ? List.of() : programme(registration, messages, true),
                cancels ? List.of() : programme(registration, messages, false),
                cancels ? List.of() : answers(registration, locale, messages),
                registration.isWaitlisted() && event.isFull(registration.mode()),
                registration.isWaitlisted() ? fullSessions(registration) : List.of(),
                site.url("/registrations/" + registration.token),
                registration.isChangeable(now),
                kind == MailKind.CANCELLATION && registration.canSignUpAgain(now)
                        ? site.url("/events/" + event.slug) : null,
                site.url("/calendar/" + registration.attendee.calendarToken + ".ics"),
                inviteAttached && invite == Invite.REQUEST,
                inviteAttached && invite == Invite.CANCEL,
                registration.isWaitlisted() && event.isHybrid() && event.isFull(registration.mode())
                        ? modeInSentence(registration.mode(), messages) : null,
                otherModeWithPlaces(registration, now, messages));
    }

    /** What the general mail layout shows around an attendee mail: greeting by first name, organiser's signature. */
    static MailFrame frame(MailView view, MailMessages messages) {
        return new MailFrame(view.lang(), view.subject(), view.event().title,
                messages.greeting() + " " + view.registration().firstName + ",",
                List.of(messages.signature(), view.organiser()), List.of(messages.footer()));
    }

    /** The join link as {@link Registration#joinLink()} allows it, and never in a mail that cancels. */
    static String joinUrlFor(Registration registration, MailKind kind) {
        return cancels(kind) ? null : registration.joinLink().map(URI::toString).orElse(null);
    }

    static boolean cancels(MailKind kind) {
        return kind == MailKind.CANCELLATION || kind == MailKind.EVENT_CANCELLED
                || kind == MailKind.REGISTRATION_DECLINED;
    }

    /**
     * Where this person takes part: the venue and the route for whoever comes on site, "Online via …" for whoever
     * takes part online ({@link Registration#getsVenue()}, {@link Registration#isOnline()}): never both.
     */
    private static List<String> where(Registration registration, Locale locale, MailMessages messages) {
        Event event = registration.event;
        List<String> lines = new ArrayList<>();
        String venue = EventLines.venue(event);
        if (registration.getsVenue() && !venue.isEmpty()) {
            lines.add(venue);
            String route = "en".equals(locale.getLanguage()) && event.practical.routeInfoEn != null
                    && !event.practical.routeInfoEn.isBlank() ? event.practical.routeInfoEn : event.practical.routeInfo;
            if (route != null && !route.isBlank()) {
                lines.add(messages.route(EventLines.oneLine(route)));
            }
        }
        if (registration.isOnline() && event.isOnline()) {
            lines.add(event.onlinePlatform == null || event.onlinePlatform.isBlank() ? messages.online()
                    : messages.online_on(event.onlinePlatform.strip()));
        }
        return lines;
    }

    /** "op locatie" / "online", as a sentence names the mode. */
    private static String modeInSentence(AttendanceMode mode, MailMessages messages) {
        return mode == AttendanceMode.ONLINE ? messages.mode_online_lower() : messages.mode_on_site_lower();
    }

    /** At a hybrid event, the other mode when a waitlisted person could switch to it now (it has a place). */
    private static String otherModeWithPlaces(Registration registration, Instant now, MailMessages messages) {
        Event event = registration.event;
        if (!event.isHybrid() || !registration.isWaitlisted() || !registration.isChangeable(now)) {
            return null;
        }
        AttendanceMode other = registration.mode() == AttendanceMode.ONLINE ? AttendanceMode.ON_SITE
                : AttendanceMode.ONLINE;
        return event.isFull(other) ? null : modeInSentence(other, messages);
    }

    private static String contact(Event event) {
        List<String> parts = new ArrayList<>();
        if (event.contactName != null && !event.contactName.isBlank()) {
            parts.add(event.contactRole == null || event.contactRole.isBlank() ? event.contactName
                    : event.contactName + " (" + event.contactRole + ")");
        }
        if (event.contactEmail != null && !event.contactEmail.isBlank()) {
            parts.add(event.contactEmail);
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String statusLine(Registration registration, MailMessages messages) {
        return switch (registration.status) {
            case CONFIRMED -> messages.status_confirmed();
            case WAITLISTED -> messages.status_waitlisted();
            case CANCELLED -> messages.status_cancelled();
            case PENDING -> messages.status_pending();
            case DECLINED -> messages.status_declined();
        };
    }

    /**
     * The person's own programme ({@code own}: the plenary parts and their chosen sessions) or the sessions they did
     * not choose, which the mail shows folded below their own.
     */
    private static List<MailView.ProgrammeLine> programme(Registration registration, MailMessages messages,
            boolean own) {
        Set<Long> chosen = registration.sessionIds();
        List<MailView.ProgrammeLine> lines = new ArrayList<>();
        for (ProgrammeItem item : registration.event.programme) {
            boolean breakout = item.isBreakout();
            boolean isChosen = breakout && chosen.contains(item.id);
            if (own != (!breakout || isChosen)) {
                continue;
            }
            String round = breakout && item.roundNumber != null ? messages.programme_round(item.roundNumber) : null;
            String speakers = item.speakers.stream().map(speaker -> speaker.name).collect(Collectors.joining(", "));
            lines.add(new MailView.ProgrammeLine(Dates.timeRange(item.startsAt, item.endsAt), item.title, round,
                    blankToNull(item.room), speakers.isEmpty() ? null : speakers, breakout, isChosen));
        }
        return lines;
    }

    /**
     * The answers to the event's own questions (dietary wishes, say), as the person reads them back: the standard
     * fields (name, address, organisation, role) are in the greeting and the address line already, and the chosen
     * sessions in the programme. Unanswered questions are left out.
     */
    private static List<MailView.AnswerLine> answers(Registration registration, Locale locale, MailMessages messages) {
        List<MailView.AnswerLine> lines = new ArrayList<>();
        if (registration.event.isHybrid()) {
            lines.add(new MailView.AnswerLine(messages.label_mode(),
                    registration.mode() == AttendanceMode.ONLINE ? messages.mode_online() : messages.mode_on_site()));
        }
        registration.event.formFields.stream()
                .sorted(Comparator.comparingInt(field -> field.sortOrder))
                .filter(field -> field.type != FieldType.BREAKOUT_CHOICE && !STANDARD_FIELDS.contains(field.fieldKey))
                .forEach(field -> {
                    String stored = registration.answers.get(field.fieldKey);
                    if (stored == null || stored.isBlank()) {
                        return;
                    }
                    String value = switch (field.type) {
                        case CHECKBOX -> "true".equals(stored) ? messages.answer_yes() : messages.answer_no();
                        case SELECT -> field.answerLabel(stored, locale);
                        case MULTI_SELECT -> Arrays.stream(stored.split("\n"))
                                .map(option -> field.answerLabel(option, locale))
                                .collect(Collectors.joining(", "));
                        default -> stored;
                    };
                    lines.add(new MailView.AnswerLine(field.label(locale), value));
                });
        return lines;
    }

    private static final Set<String> STANDARD_FIELDS = Set.of(FormField.FIRST_NAME, FormField.LAST_NAME,
            FormField.EMAIL, FormField.ORGANISATION, FormField.ROLE, FormField.SESSIONS);

    /** The chosen sessions that have no place left: why a person is waiting when the event itself is not full. */
    private static List<String> fullSessions(Registration registration) {
        return registration.event.programme.stream()
                .filter(item -> item.isBreakout() && registration.sessions.contains(item) && item.isFull())
                .map(item -> item.title)
                .toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    record Rendered(String text, String html) {
    }

    /** Renders the .txt and .html variants of a mail template in the given language. */
    static Rendered render(MailTemplateInstance mail, Locale locale) {
        MailTemplates.Rendered rendered = MailTemplates.render(mail, locale);
        return new Rendered(rendered.text(), rendered.html());
    }
}
