package nl.kennisagenda.privacy.data;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import nl.kennisagenda.account.AccessPolicy;
import nl.kennisagenda.account.ActedBy;
import nl.kennisagenda.account.Actor;
import nl.kennisagenda.audit.AuditLog;
import nl.kennisagenda.event.Organisation;

/**
 * An organisation's retention period: the months after an event's end that its registrations keep their personal
 * data. Null in the database means the platform default ({@code kennisagenda.privacy.retention-months}). Read by
 * organisers and observers of the organisation; changed by its organisers and administrators, with an audit entry.
 */
@ApplicationScoped
public class RetentionSettings {

    public static final int MIN_MONTHS = 1;
    public static final int MAX_MONTHS = 120;
    public static final String AUDIT_ACTION = "RETENTION_CHANGED";

    /** The setting as the back-office shows it: the organisation's own months (null: none) and the default. */
    public record Setting(Organisation organisation, Integer ownMonths, int defaultMonths) {
        public int effectiveMonths() {
            return ownMonths == null ? defaultMonths : ownMonths;
        }
    }

    /** A value that is not a whole number of months in range. */
    public static class InvalidMonthsException extends RuntimeException {
        public InvalidMonthsException() {
            super("retention months out of range");
        }
    }

    @Inject
    EntityManager em;

    @Inject
    PrivacyConfig config;

    @Inject
    AuditLog audit;

    /** The period that applies to the organisation's events, in months. */
    @Transactional
    public int monthsOf(Organisation organisation) {
        Integer own = own(organisation.id);
        return own == null ? config.retentionMonths() : own;
    }

    @Transactional
    public Setting read(Actor actor, String slug) {
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanRead(actor, organisation);
        return new Setting(organisation, own(organisation.id), config.retentionMonths());
    }

    /**
     * Saves the period; blank {@code typed} returns to the platform default.
     *
     * @throws InvalidMonthsException not a whole number from {@value #MIN_MONTHS} to {@value #MAX_MONTHS}
     */
    @Transactional
    public Setting save(Actor actor, String slug, String typed) {
        Organisation organisation = Organisation.findBySlug(slug).orElseThrow(NotFoundException::new);
        AccessPolicy.requireCanChange(actor, organisation);
        Integer months = parse(typed);
        Integer before = own(organisation.id);
        em.createNativeQuery("update organisations set retention_months = :months where id = :id")
                .setParameter("months", months).setParameter("id", organisation.id).executeUpdate();
        if (!java.util.Objects.equals(before, months)) {
            audit.recordPlatform(ActedBy.of(actor), organisation.id, AUDIT_ACTION,
                    describe(before) + " -> " + describe(months));
        }
        return new Setting(organisation, months, config.retentionMonths());
    }

    static Integer parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        if (!value.matches("[0-9]{1,4}")) {
            throw new InvalidMonthsException();
        }
        int months = Integer.parseInt(value);
        if (months < MIN_MONTHS || months > MAX_MONTHS) {
            throw new InvalidMonthsException();
        }
        return months;
    }

    private String describe(Integer months) {
        return months == null ? "default (" + config.retentionMonths() + " months)" : months + " months";
    }

    private Integer own(long organisationId) {
        List<?> rows = em.createNativeQuery("select retention_months from organisations where id = :id")
                .setParameter("id", organisationId).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).intValue();
    }
}
