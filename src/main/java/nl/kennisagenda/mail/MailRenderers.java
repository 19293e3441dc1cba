package nl.kennisagenda.mail;

import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Finds the one {@link MailRenderer} of a kind of mail. Two renderers claiming one kind is a programming error. */
@ApplicationScoped
public class MailRenderers {

    @Inject
    @Any
    Instance<MailRenderer> renderers;

    private final Map<MailKind, MailRenderer> byKind = new EnumMap<>(MailKind.class);

    @PostConstruct
    void index() {
        for (MailKind kind : MailKind.values()) {
            for (MailRenderer renderer : renderers) {
                if (renderer.renders(kind) && byKind.putIfAbsent(kind, renderer) != null) {
                    throw new IllegalStateException("Two renderers for mails of kind " + kind);
                }
            }
        }
    }

    public boolean has(MailKind kind) {
        return byKind.containsKey(kind);
    }

    /** @throws IllegalStateException when no renderer renders this kind */
    public MailRenderer forKind(MailKind kind) {
        MailRenderer renderer = byKind.get(kind);
        if (renderer == null) {
            throw new IllegalStateException("No renderer for mails of kind " + kind);
        }
        return renderer;
    }
}
