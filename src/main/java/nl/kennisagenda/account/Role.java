package nl.kennisagenda.account;

/**
 * What an account may do in the back-office. The rules themselves live in {@link AccessPolicy}.
 * <ul>
 * <li>{@code ADMINISTRATOR}: every organisation, its events, the accounts and the organisations themselves;</li>
 * <li>{@code ORGANISER}: the events of the organisations the account belongs to;</li>
 * <li>{@code OBSERVER}: reads the events, lists and exports of its organisations and changes nothing.</li>
 * </ul>
 */
public enum Role {
    ADMINISTRATOR, ORGANISER, OBSERVER;

    /** The role name in the security identity ({@code administrator}, {@code organiser}, {@code observer}). */
    public String securityRole() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
