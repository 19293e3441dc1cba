package nl.kennisagenda.message;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A link "attachment" of a message (slides, a recording): mails carry links, not files, so they stay small. */
@Embeddable
public class MessageLink {

    @Column(nullable = false)
    public String label;

    /** An http(s) address with a host (common/WebAddresses), checked when the message is saved. */
    @Column(nullable = false)
    public String url;

    public MessageLink() {
    }

    public MessageLink(String label, String url) {
        this.label = label;
        this.url = url;
    }
}
