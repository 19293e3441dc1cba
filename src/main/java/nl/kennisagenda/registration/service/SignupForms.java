package nl.kennisagenda.registration.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import nl.kennisagenda.event.Event;
import nl.kennisagenda.web.PageCache;
import nl.kennisagenda.web.PageCacheConfig;

/**
 * The {@link SignupForm} of each public event, kept in memory so that a wave of sign-ups checks its answers without
 * loading the event, its form fields with their options and its programme for every one of them. A form is copied
 * again after any change to what public pages show commits through this instance ({@link PageCache}'s content
 * generation, which {@link nl.kennisagenda.web.PageChanges} raises after the commit of every change to an event, its
 * form or its programme), and at the latest after {@code kennisagenda.page-cache.max-age}: the bound for changes made
 * through another instance. Nothing here decides about places: capacities are read under the event's row lock.
 */
@ApplicationScoped
public class SignupForms {

    private record Kept(SignupForm form, long generation, long copiedAt) {
    }

    @Inject
    PageCache pages;

    @Inject
    PageCacheConfig config;

    private final Map<String, Kept> forms = new ConcurrentHashMap<>();

    /** The form of the public (published or cancelled) event with this slug; empty when there is none. */
    @Transactional(TxType.MANDATORY)
    public Optional<SignupForm> find(String slug) {
        // Read before the rows: a change that commits while this copy is made makes the copy stale at once.
        long generation = pages.contentGeneration();
        long now = System.nanoTime();
        Kept kept = forms.get(slug);
        if (kept != null && kept.generation == generation && now - kept.copiedAt < config.maxAge().toNanos()) {
            return Optional.of(kept.form);
        }
        Optional<SignupForm> form = Event.findPublicBySlug(slug).map(SignupForm::of);
        if (form.isEmpty() || !config.enabled()) {
            forms.remove(slug);
            return form;
        }
        if (forms.size() >= config.maxEntries()) {
            forms.clear();
        }
        forms.put(slug, new Kept(form.get(), generation, now));
        return form;
    }

    /** Drops the kept copy of this event's form: the next sign-up copies it again. */
    public void forget(String slug) {
        forms.remove(slug);
    }
}
