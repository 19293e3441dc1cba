package nl.kennisagenda.event;

/**
 * How a person takes part: at the venue or online. A first-class choice for a hybrid event, with a capacity, counters
 * and waiting list of its own per mode; for an online or in-person event it follows from the format
 * ({@link Event#impliedMode()}).
 */
public enum AttendanceMode {
    ON_SITE, ONLINE;

    /** The mode as submitted by a form or the API ("ON_SITE", "online"…), or null when it is none of them. */
    public static AttendanceMode parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (AttendanceMode mode : values()) {
            if (mode.name().equals(v)) {
                return mode;
            }
        }
        return null;
    }
}
