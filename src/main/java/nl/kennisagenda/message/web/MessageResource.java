package nl.kennisagenda.message.web;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.backoffice.editor.InvalidEditException;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.message.OrganiserMessage;
import nl.kennisagenda.message.OrganiserMessages;
import nl.kennisagenda.message.OrganiserMessages.AudienceOption;
import nl.kennisagenda.message.OrganiserMessages.FollowUp;
import nl.kennisagenda.message.OrganiserMessages.Preview;
import nl.kennisagenda.message.OrganiserMessages.RecipientRow;
import nl.kennisagenda.message.Placeholders;
import nl.kennisagenda.web.CsrfGuard;

/**
 * The organiser messages of one event (docs/messages.md): the list, writing and editing, preview, test mail, send
 * now, schedule, cancel, the recipients after sending, and the follow-up after the event. Thin: the service checks
 * access and rules. Class path /admin with full method paths (a templated class path would take other /admin
 * routes).
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class MessageResource {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** What the message page shows; {@code message} is null while a new message is written. */
    public record ComposeView(Event event, OrganiserMessage message, MessageForm form, List<AudienceOption> audiences,
            List<Preview> previews, List<RecipientRow> recipients, String done, List<String> placeholders) {

        public String placeholderText() {
            return String.join(", ", placeholders);
        }

        /** How many addresses the message's group has now (shown before it is sent); null for a new message. */
        public Long countNow() {
            if (message == null) {
                return null;
            }
            String value = message.session == null ? message.audience.name() : "SESSION-" + message.session.id;
            return audiences.stream().filter(option -> option.value().equals(value)).map(AudienceOption::count)
                    .findFirst().orElse(0L);
        }

        public boolean editable() {
            return message == null || message.status.isEditable();
        }
    }

    public record ListView(Event event, List<OrganiserMessage> messages, boolean ended, String done) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Actor actor, ListView view, String csrfToken);

        static native TemplateInstance compose(Actor actor, ComposeView view, String csrfToken);

        static native TemplateInstance followUp(Actor actor, FollowUp view, MessageForm form, String done,
                String csrfToken);
    }

    @Inject
    CurrentActor current;

    @Inject
    OrganiserMessages service;

    @Inject
    CsrfGuard csrf;

    @GET
    @Path("events/{eventId}/messages")
    @Operation(hidden = true)
    public Response list(@RestPath long eventId, @RestQuery String done) {
        Actor actor = current.get();
        List<OrganiserMessage> messages = service.messages(actor, eventId);
        Event event = service.event(actor, eventId);
        return noStore(Response.ok(Templates.list(actor, new ListView(event, messages,
                OrganiserMessages.hasEnded(event, Instant.now()), cleanDone(done)), csrf.token())));
    }

    @GET
    @Path("events/{eventId}/messages/new")
    @Operation(hidden = true)
    public Response compose(@RestPath long eventId) {
        Actor actor = current.get();
        return composePage(actor, service.event(actor, eventId), null, MessageForm.empty(), null, 200);
    }

    @POST
    @Path("events/{eventId}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            OrganiserMessage message = service.create(actor, eventId, MessageForm.input(form));
            return toMessage(eventId, message.id, "saved");
        } catch (InvalidEditException problem) {
            return composePage(actor, service.event(actor, eventId), null, MessageForm.posted(form, problem), null,
                    422);
        }
    }

    @GET
    @Path("events/{eventId}/messages/{messageId}")
    @Operation(hidden = true)
    public Response message(@RestPath long eventId, @RestPath long messageId, @RestQuery String done) {
        Actor actor = current.get();
        OrganiserMessage message = service.message(actor, eventId, messageId);
        return composePage(actor, message.event, message, formOf(message), cleanDone(done), 200);
    }

    /**
     * One form, several buttons ({@code action}): save, a test mail in Dutch or English, send now, schedule. The
     * content is saved first (while the message can still be changed), so nothing typed is lost.
     */
    @POST
    @Path("events/{eventId}/messages/{messageId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response act(@RestPath long eventId, @RestPath long messageId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        OrganiserMessage message = service.message(actor, eventId, messageId);
        String action = form.getFirst("action") == null ? "save" : form.getFirst("action");
        Instant now = Instant.now();
        String done;
        try {
            if (message.status.isEditable()) {
                service.update(actor, eventId, messageId, MessageForm.input(form));
            }
            done = switch (action) {
                case "test-nl", "test-en" -> {
                    service.sendTest(actor, eventId, messageId, action.substring(5));
                    yield action;
                }
                case "send" -> {
                    service.sendNow(actor, eventId, messageId, now);
                    yield "sending";
                }
                case "schedule" -> {
                    service.schedule(actor, eventId, messageId, form.getFirst("sendDate"), form.getFirst("sendTime"),
                            now);
                    yield "scheduled";
                }
                default -> "saved";
            };
        } catch (InvalidEditException problem) {
            OrganiserMessage current = service.message(actor, eventId, messageId);
            return composePage(actor, current.event, current, MessageForm.posted(form, problem), null, 422);
        }
        return toMessage(eventId, messageId, done);
    }

    @POST
    @Path("events/{eventId}/messages/{messageId}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response cancel(@RestPath long eventId, @RestPath long messageId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            service.cancel(actor, eventId, messageId);
        } catch (InvalidEditException problem) {
            OrganiserMessage message = service.message(actor, eventId, messageId);
            return composePage(actor, message.event, message, formOf(message).withErrors(problem), null, 409);
        }
        return toMessage(eventId, messageId, "cancelled");
    }

    @GET
    @Path("events/{eventId}/follow-up")
    @Operation(hidden = true)
    public Response followUp(@RestPath long eventId, @RestQuery String done) {
        Actor actor = current.get();
        FollowUp view = service.followUp(actor, eventId, Instant.now());
        MessageForm form = MessageForm.posted(new jakarta.ws.rs.core.MultivaluedHashMap<>(
                java.util.Map.of("surveyUrl", view.surveyUrl())), null);
        return noStore(Response.ok(Templates.followUp(actor, view, form, cleanDone(done), csrf.token())));
    }

    @POST
    @Path("events/{eventId}/follow-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response prepareFollowUp(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            service.prepareFollowUp(actor, eventId, form.getFirst("surveyUrl"), Instant.now());
        } catch (InvalidEditException problem) {
            FollowUp view = service.followUp(actor, eventId, Instant.now());
            return noStore(Response.status(422).entity(Templates.followUp(actor, view,
                    MessageForm.posted(form, problem), null, csrf.token())));
        }
        return noStore(Response.seeOther(URI.create("/admin/events/" + eventId + "/follow-up?done=prepared")));
    }

    private Response composePage(Actor actor, Event event, OrganiserMessage message, MessageForm form, String done,
            int status) {
        List<Preview> previews = new ArrayList<>();
        List<RecipientRow> recipients = List.of();
        if (message != null) {
            previews.add(service.preview(message, "nl"));
            if (message.hasEnglish()) {
                previews.add(service.preview(message, "en"));
            }
            recipients = service.recipients(message);
        }
        List<String> placeholders = Arrays.stream(Placeholders.Name.values())
                .map(name -> "{" + name.dutch + "} / {" + name.english + "}").toList();
        ComposeView view = new ComposeView(event, message, form, service.audiences(event), previews, recipients,
                done, placeholders);
        return noStore(Response.status(status).entity(Templates.compose(actor, view, csrf.token())));
    }

    /** The stored message as a form, with its send time (Amsterdam) when it is scheduled. */
    private static MessageForm formOf(OrganiserMessage message) {
        MessageForm form = MessageForm.of(message);
        if (message.sendAt != null) {
            ZonedDateTime local = Dates.local(message.sendAt);
            form = form.withValue("sendDate", DATE.format(local)).withValue("sendTime", TIME.format(local));
        }
        return form;
    }

    private static String cleanDone(String done) {
        return done == null || !done.matches("[a-z-]{1,20}") ? null : done;
    }

    private static Response toMessage(long eventId, long messageId, String done) {
        return noStore(Response.seeOther(URI.create("/admin/events/" + eventId + "/messages/" + messageId
                + "?done=" + done)));
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").build();
    }
}
