package nl.kennisagenda.backoffice.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.security.ForbiddenException;
import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.common.Slugs;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.Speaker;

/**
 * The speaker library. Speakers are shared rows (one person, one public page, whichever network invites them), so
 * they belong to no organisation outright. The scope chosen here:
 * <ul>
 * <li>an actor sees the speakers of their organisations: those who speak at an event of one of them, and those an
 * organiser of one of them added to the library; administrators see all;</li>
 * <li>an actor may edit a speaker they see when they may change that organisation's events (organisers, not
 * observers); administrators may edit every speaker.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional
public class SpeakerLibrary {

    /** The speaker form as typed. */
    public record SpeakerInput(String name, String role, String organisationName, String bioNl, String bioEn) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Speaker> visible(Actor actor) {
        if (actor.isAdministrator()) {
            return Speaker.list("order by name, id");
        }
        if (actor.organisationIds().isEmpty()) {
            return List.of();
        }
        return Speaker.list("select s from Speaker s where s.organisation.id in ?1 or exists (select 1 from"
                + " ProgrammeItem p join p.speakers ps where ps = s and p.event.organisation.id in ?1)"
                + " order by s.name, s.id", actor.organisationIds());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean canRead(Actor actor, Speaker speaker) {
        return actor.isAdministrator() || organisationsOf(speaker).stream().anyMatch(o -> AccessPolicy.canRead(actor, o));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean canChange(Actor actor, Speaker speaker) {
        return actor.isAdministrator()
                || organisationsOf(speaker).stream().anyMatch(o -> AccessPolicy.canChange(actor, o));
    }

    /** Whether the actor may add speakers at all (administrators, and organisers of at least one organisation). */
    public boolean canCreate(Actor actor) {
        return actor.isAdministrator() || !changeableOrganisations(actor).isEmpty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Speaker readable(Actor actor, long speakerId) {
        Speaker speaker = Speaker.<Speaker>findByIdOptional(speakerId).orElseThrow(NotFoundException::new);
        if (!canRead(actor, speaker)) {
            throw new ForbiddenException();
        }
        return speaker;
    }

    public Speaker changeable(Actor actor, long speakerId) {
        Speaker speaker = Speaker.<Speaker>findByIdOptional(speakerId).orElseThrow(NotFoundException::new);
        if (!canChange(actor, speaker)) {
            throw new ForbiddenException();
        }
        return speaker;
    }

    /** Adds a speaker to the library on behalf of the actor's (first) organisation. */
    public Speaker create(Actor actor, SpeakerInput input) {
        if (!canCreate(actor)) {
            throw new ForbiddenException();
        }
        Speaker speaker = new Speaker();
        apply(speaker, input);
        speaker.organisation = actor.isAdministrator() ? null : changeableOrganisations(actor).get(0);
        speaker.slug = uniqueSlug(speaker.name);
        speaker.persist();
        return speaker;
    }

    /** Creates a speaker inline from the programme editor: owned by the event's organisation. */
    Speaker createFor(Event event, String name, String organisationName) {
        Map<String, String> errors = new LinkedHashMap<>();
        EditorMessages m = EditorTexts.current();
        String clean = Texts.required("newSpeakerName", name, 200, m, errors);
        Texts.optional("newSpeakerOrganisation", organisationName, 200, m, errors);
        if (!errors.isEmpty()) {
            throw new InvalidEditException(errors);
        }
        Speaker speaker = new Speaker();
        speaker.name = clean;
        speaker.organisationName = Texts.clean(organisationName);
        speaker.organisation = event.organisation;
        speaker.slug = uniqueSlug(clean);
        speaker.persist();
        return speaker;
    }

    public Speaker update(Actor actor, long speakerId, SpeakerInput input) {
        Speaker speaker = changeable(actor, speakerId);
        apply(speaker, input);
        return speaker;
    }

    private static void apply(Speaker speaker, SpeakerInput input) {
        EditorMessages m = EditorTexts.current();
        Map<String, String> errors = new LinkedHashMap<>();
        String name = Texts.required("name", input.name(), 200, m, errors);
        String role = Texts.optional("role", input.role(), 200, m, errors);
        String organisation = Texts.optional("organisationName", input.organisationName(), 200, m, errors);
        String bioNl = Texts.optional("bioNl", input.bioNl(), 4000, m, errors);
        String bioEn = Texts.optional("bioEn", input.bioEn(), 4000, m, errors);
        if (!errors.isEmpty()) {
            throw new InvalidEditException(errors);
        }
        speaker.name = name;
        speaker.role = role;
        speaker.organisationName = organisation;
        speaker.bio = bioNl;
        speaker.bioEn = bioEn;
    }

    private static String uniqueSlug(String name) {
        String base = Slugs.of(name);
        if (base.isEmpty()) {
            base = "spreker";
        }
        base = base.length() > 110 ? base.substring(0, 110) : base;
        String slug = base;
        for (int n = 2; Speaker.findBySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static List<Organisation> organisationsOf(Speaker speaker) {
        List<Organisation> organisations = new java.util.ArrayList<>(Organisation.list(
                "select distinct p.event.organisation from ProgrammeItem p join p.speakers ps where ps = ?1", speaker));
        Optional.ofNullable(speaker.organisation).ifPresent(organisations::add);
        return organisations;
    }

    private static List<Organisation> changeableOrganisations(Actor actor) {
        if (actor.organisationIds().isEmpty()) {
            return List.of();
        }
        return Organisation.<Organisation>list("id in ?1 order by id", actor.organisationIds()).stream()
                .filter(o -> AccessPolicy.canChange(actor, o)).toList();
    }
}
