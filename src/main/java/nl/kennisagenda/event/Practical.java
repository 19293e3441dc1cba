package nl.kennisagenda.event;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The practical facts Dutch organisers publish with an event and visitors look for before signing up: costs,
 * language, accessibility of the venue and of the online session, route, accreditation and a privacy line. Each text
 * has an optional English version (pages fall back to the Dutch one, marked {@code lang="nl"}).
 */
@Embeddable
public class Practical {

    /** The languages an event can be held in, as stored ("nl,en" = both). */
    public static final List<String> LANGUAGES = List.of("nl", "en", "nl,en");

    /** Price in euros; null means free of charge. */
    @Column(name = "cost_amount", precision = 8, scale = 2)
    public BigDecimal costAmount;

    /** What the price includes (lunch, materials), or a note on a free event. */
    @Column(name = "cost_includes")
    public String costIncludes;

    @Column(name = "cost_includes_en")
    public String costIncludesEn;

    /** One of {@link #LANGUAGES}. */
    @Column(name = "event_languages", nullable = false)
    public String languages = "nl";

    @Column(name = "venue_accessibility")
    public String venueAccessibility;

    @Column(name = "venue_accessibility_en")
    public String venueAccessibilityEn;

    /** The online session has live captions (ondertiteling). */
    @Column(name = "live_captions", nullable = false)
    public boolean liveCaptions;

    /** A sign-language interpreter (tolk Nederlandse Gebarentaal) takes part. */
    @Column(name = "sign_language", nullable = false)
    public boolean signLanguage;

    @Column(name = "online_accessibility")
    public String onlineAccessibility;

    @Column(name = "online_accessibility_en")
    public String onlineAccessibilityEn;

    /** Route, parking and public transport. */
    @Column(name = "route_info")
    public String routeInfo;

    @Column(name = "route_info_en")
    public String routeInfoEn;

    /** Accreditation points and the register, as text for now ("2 punten in het Kwaliteitsregister V&V"). */
    @Column(name = "accreditation")
    public String accreditation;

    @Column(name = "accreditation_en")
    public String accreditationEn;

    /** A line on what happens with attendees' data for this event (e.g. recording, sharing with partners). */
    @Column(name = "privacy_note")
    public String privacyNote;

    @Column(name = "privacy_note_en")
    public String privacyNoteEn;

    public boolean isFree() {
        return costAmount == null || costAmount.signum() == 0;
    }

    public List<String> languageList() {
        return List.of(languages.split(","));
    }

    public Practical copy() {
        Practical copy = new Practical();
        copy.costAmount = costAmount;
        copy.costIncludes = costIncludes;
        copy.costIncludesEn = costIncludesEn;
        copy.languages = languages;
        copy.venueAccessibility = venueAccessibility;
        copy.venueAccessibilityEn = venueAccessibilityEn;
        copy.liveCaptions = liveCaptions;
        copy.signLanguage = signLanguage;
        copy.onlineAccessibility = onlineAccessibility;
        copy.onlineAccessibilityEn = onlineAccessibilityEn;
        copy.routeInfo = routeInfo;
        copy.routeInfoEn = routeInfoEn;
        copy.accreditation = accreditation;
        copy.accreditationEn = accreditationEn;
        copy.privacyNote = privacyNote;
        copy.privacyNoteEn = privacyNoteEn;
        return copy;
    }
}
