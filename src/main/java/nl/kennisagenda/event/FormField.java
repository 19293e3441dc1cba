package nl.kennisagenda.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.kennisagenda.common.IdentifiedEntity;

/** One field of an event's sign-up form, in the order the organiser chose. */
@Entity
@Table(name = "form_fields")
public class FormField extends IdentifiedEntity {

    /** Keys every form has; the registration stores these in its own columns. */
    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String EMAIL = "email";
    public static final String ORGANISATION = "organisation";
    public static final String ROLE = "role";
    public static final String SESSIONS = "sessions";

    @NotNull
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    public Event event;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @NotBlank
    @Size(max = 60)
    @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9]*")
    @Column(name = "field_key", nullable = false)
    public String fieldKey;

    @NotBlank
    @Size(max = 300)
    @Column(name = "label_nl")
    public String labelNl;

    @NotBlank
    @Size(max = 300)
    @Column(name = "label_en")
    public String labelEn;

    @Size(max = 1000)
    @Column(name = "help_nl")
    public String helpNl;

    @Size(max = 1000)
    @Column(name = "help_en")
    public String helpEn;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "field_type")
    public FieldType type;

    public boolean required;

    /** Longest answer accepted; null means the type's default. */
    @Column(name = "max_length")
    public Integer maxLength;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "form_field_options", joinColumns = @JoinColumn(name = "form_field_id"))
    @Column(name = "option_value")
    @OrderColumn(name = "sort_order")
    public List<String> options = new ArrayList<>();

    /** English texts of {@link #options}, by position; missing ones show the Dutch option. Answers store the Dutch value. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "form_field_options_en", joinColumns = @JoinColumn(name = "form_field_id"))
    @Column(name = "option_value")
    @OrderColumn(name = "sort_order")
    public List<String> optionsEn = new ArrayList<>();

    /** The visible text of option i in this language (the stored value is always {@code options.get(i)}). */
    public String optionLabel(int i, Locale locale) {
        if (isEnglish(locale) && i < optionsEn.size() && optionsEn.get(i) != null && !optionsEn.get(i).isBlank()) {
            return optionsEn.get(i);
        }
        return options.get(i);
    }

    public String label(Locale locale) {
        return isEnglish(locale) ? labelEn : labelNl;
    }

    /** How a stored answer of a choice field reads in this language (answers store the Dutch option). */
    public String answerLabel(String storedOption, Locale locale) {
        int i = options.indexOf(storedOption);
        return i < 0 ? storedOption : optionLabel(i, locale);
    }

    public String help(Locale locale) {
        return isEnglish(locale) ? helpEn : helpNl;
    }

    /** The answer length limit: the organiser's, or a sensible one per type. */
    public int effectiveMaxLength() {
        if (maxLength != null) {
            return maxLength;
        }
        return switch (type) {
            case EMAIL -> 254;
            case PHONE -> 40;
            case TEXTAREA -> 2000;
            default -> 200;
        };
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
