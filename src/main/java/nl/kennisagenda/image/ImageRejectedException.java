package nl.kennisagenda.image;

/** An upload we do not store; {@link #reason} selects the message shown next to the file field. */
public class ImageRejectedException extends RuntimeException {

    public enum Reason {
        MISSING, TOO_LARGE, NOT_AN_IMAGE, TOO_MANY_PIXELS, UNREADABLE
    }

    public final Reason reason;

    public ImageRejectedException(Reason reason) {
        super("Image rejected: " + reason);
        this.reason = reason;
    }
}
