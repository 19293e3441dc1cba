package nl.kennisagenda.event;

/** Input types a sign-up form field can have. */
public enum FieldType {
    TEXT, EMAIL, PHONE, TEXTAREA, SELECT, MULTI_SELECT, CHECKBOX, BREAKOUT_CHOICE
}
