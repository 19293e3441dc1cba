package nl.kennisagenda.backoffice.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import io.quarkus.security.ForbiddenException;
import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.account.CurrentActor;
import nl.kennisagenda.backoffice.service.BackofficeEvents;
import nl.kennisagenda.backoffice.service.EventEditing;
import nl.kennisagenda.backoffice.service.EventEditing.EventHub;
import nl.kennisagenda.backoffice.service.EventEditing.SaveResult;
import nl.kennisagenda.backoffice.service.EventStateException;
import nl.kennisagenda.backoffice.service.InvalidEventException;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Markdown;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.i18n.CurrentLocale;
import nl.kennisagenda.web.CsrfGuard;

/**
 * The back-office pages of one event: its hub (status, facts, actions, audit log, links to the other editors), the
 * create and edit form with Markdown preview and the confirmation step for attendee updates, and the actions
 * publish, unpublish, cancel, delete and duplicate. Thin: {@link EventEditing} decides and checks access.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class EventEditorResource {

    /** Outcome messages the hub shows after a redirect (?done=...). */
    private static final Set<String> DONE = Set.of("created", "saved", "published", "unpublished", "cancelled",
            "duplicated");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance hub(Actor actor, EventHub hub, String done, String refusal, String csrfToken);

        static native TemplateInstance form(Actor actor, EventFormView form, String csrfToken);
    }

    @Inject
    CurrentActor current;

    @Inject
    EventEditing editing;

    @Inject
    BackofficeEvents events;

    @Inject
    CsrfGuard csrf;

    @Inject
    CurrentLocale locale;

    @GET
    @Path("events/new")
    @Operation(hidden = true)
    public Response newEvent(@RestQuery String organisation) {
        Actor actor = current.get();
        Organisation owner;
        if (organisation == null || organisation.isBlank()) {
            owner = events.organisations(actor).stream().filter(o -> AccessPolicy.canChange(actor, o)).findFirst()
                    .orElseThrow(ForbiddenException::new);
        } else {
            owner = editing.organisationToChange(actor, organisation);
        }
        return page(200, Templates.form(actor, view(true, null, owner, Map.of("format", "ONLINE"), List.of(),
                Map.of(), null, null, null), csrf.token()));
    }

    @POST
    @Path("organisations/{slug}/events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@RestPath String slug, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        Organisation owner = editing.organisationToChange(actor, slug);
        Map<String, String> values = EventFormView.valuesOf(form);
        List<String> partners = EventFormView.partnersOf(form);
        if (form.containsKey("preview")) {
            return page(200, Templates.form(actor, view(true, null, owner, values, partners, Map.of(),
                    Markdown.toHtml(values.get("description")), Markdown.toHtml(values.get("descriptionEn")), null),
                    csrf.token()));
        }
        try {
            Event event = editing.create(actor, slug, EventFormView.input(values, partners));
            return done(event.id, "created");
        } catch (InvalidEventException invalid) {
            return page(422, Templates.form(actor, view(true, null, owner, values, partners,
                    invalid.messages(locale.get()), null, null, null), csrf.token()));
        }
    }

    @GET
    @Path("events/{eventId}")
    @Operation(hidden = true)
    public Response hub(@RestPath long eventId, @RestQuery String done) {
        Actor actor = current.get();
        return page(200, Templates.hub(actor, editing.hub(actor, eventId), done != null && DONE.contains(done) ? done : null, null,
                csrf.token()));
    }

    @GET
    @Path("events/{eventId}/edit")
    @Operation(hidden = true)
    public Response edit(@RestPath long eventId) {
        Actor actor = current.get();
        Event event = editing.read(actor, eventId);
        AccessPolicy.requireCanChange(actor, event.organisation);
        return page(200, Templates.form(actor, view(false, event.id, event.organisation, EventFormView.valuesOf(event),
                event.partners.stream().map(p -> p.slug).toList(), Map.of(), null, null, null), csrf.token()));
    }

    @POST
    @Path("events/{eventId}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        Event event = editing.read(actor, eventId);
        AccessPolicy.requireCanChange(actor, event.organisation);
        Map<String, String> values = EventFormView.valuesOf(form);
        List<String> partners = EventFormView.partnersOf(form);
        if (form.containsKey("preview")) {
            return page(200, Templates.form(actor, view(false, eventId, event.organisation, values, partners, Map.of(),
                    Markdown.toHtml(values.get("description")), Markdown.toHtml(values.get("descriptionEn")), null),
                    csrf.token()));
        }
        try {
            SaveResult result = editing.update(actor, eventId, EventFormView.input(values, partners),
                    "1".equals(form.getFirst("confirm")));
            if (result.needsConfirmation()) {
                return page(200, Templates.form(actor, view(false, eventId, event.organisation, values, partners,
                        Map.of(), null, null, result.attendeesToNotify()), csrf.token()));
            }
            return done(eventId, "saved");
        } catch (InvalidEventException invalid) {
            return page(422, Templates.form(actor, view(false, eventId, event.organisation, values, partners,
                    invalid.messages(locale.get()), null, null, null), csrf.token()));
        }
    }

    @POST
    @Path("events/{eventId}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response publish(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            editing.publish(actor, eventId);
            return done(eventId, "published");
        } catch (InvalidEventException invalid) {
            // A draft that no longer meets the rules: the form shows what to fix.
            Event event = editing.read(actor, eventId);
            return page(422, Templates.form(actor, view(false, eventId, event.organisation,
                    EventFormView.valuesOf(event), event.partners.stream().map(p -> p.slug).toList(),
                    invalid.messages(locale.get()), null, null, null), csrf.token()));
        } catch (EventStateException refused) {
            return refused(actor, eventId, refused);
        }
    }

    @POST
    @Path("events/{eventId}/unpublish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response unpublish(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            editing.unpublish(actor, eventId);
            return done(eventId, "unpublished");
        } catch (EventStateException refused) {
            return refused(actor, eventId, refused);
        }
    }

    @POST
    @Path("events/{eventId}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response cancel(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        try {
            editing.cancel(actor, eventId, form.getFirst("message"));
            return done(eventId, "cancelled");
        } catch (EventStateException refused) {
            return refused(actor, eventId, refused);
        } catch (InvalidEventException invalid) {
            return page(422, Templates.hub(actor, editing.hub(actor, eventId), null,
                    invalid.messages(locale.get()).values().iterator().next(), csrf.token()));
        }
    }

    @POST
    @Path("events/{eventId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delete(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Actor actor = current.get();
        String organisation = editing.read(actor, eventId).organisation.slug;
        try {
            editing.deleteDraft(actor, eventId);
            return BackofficeResource.noStore(
                    Response.seeOther(URI.create("/admin/organisations/" + organisation + "?done=deleted")));
        } catch (EventStateException refused) {
            return refused(actor, eventId, refused);
        }
    }

    @POST
    @Path("events/{eventId}/duplicate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response duplicate(@RestPath long eventId, MultivaluedMap<String, String> form) {
        Event copy = editing.duplicate(current.get(), eventId);
        return done(copy.id, "duplicated");
    }

    private Response refused(Actor actor, long eventId, EventStateException refused) {
        return page(409, Templates.hub(actor, editing.hub(actor, eventId), null, refused.message(locale.get()),
                csrf.token()));
    }

    private static Response done(long eventId, String what) {
        return BackofficeResource.noStore(Response.seeOther(URI.create("/admin/events/" + eventId + "?done=" + what)));
    }

    private static Response page(int status, TemplateInstance page) {
        return BackofficeResource.noStore(Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE));
    }

    private static EventFormView view(boolean isNew, Long eventId, Organisation owner, Map<String, String> values,
            List<String> partners, Map<String, String> errors, String preview, String previewEn, Long confirmCount) {
        String action = isNew ? "/admin/organisations/" + owner.slug + "/events" : "/admin/events/" + eventId + "/edit";
        List<Organisation> options = Organisation.allByName().stream().filter(o -> !o.id.equals(owner.id)).toList();
        return new EventFormView(isNew, eventId, owner.slug, owner.name, action, values, partners, errors, options,
                preview, previewEn, confirmCount);
    }
}
