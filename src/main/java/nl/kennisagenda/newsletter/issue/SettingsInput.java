package nl.kennisagenda.newsletter.issue;

/** The newsletter settings form as typed: checked by {@link IssueEditing#saveSettings}. */
public record SettingsInput(boolean enabled, String weekday, String timeOfDay, boolean everyOtherWeek,
        String anchorDate, String weeksAhead, boolean autoSend, boolean includeMaterials, String materialWeeks) {
}
