package nl.kennisagenda.newsletter.issue;

/** The texts of an issue as an organiser typed them (Markdown for intro and free sections). */
public record IssueInput(String subjectNl, String introNl, String freeNl, String subjectEn, String introEn,
        String freeEn) {
}
