package nl.kennisagenda.registration.service;

/** A registration can no longer be changed or cancelled: it is cancelled, or its event has started or is cancelled. */
public class ChangeNotAllowedException extends RuntimeException {

    public ChangeNotAllowedException() {
        super("This registration can no longer be changed", null, false, false);
    }
}
