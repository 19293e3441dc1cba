package nl.kennisagenda.mail;

/** A recipient that must not go into a mail header: not one plain, strictly valid address. */
public class InvalidMailAddressException extends IllegalArgumentException {

    public InvalidMailAddressException(String message) {
        super(message);
    }
}
