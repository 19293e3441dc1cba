package nl.kennisagenda.event.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import nl.kennisagenda.event.AttendanceMode;
import nl.kennisagenda.event.Event;

/**
 * The places of a hybrid event per attendance mode. The event's own {@code capacity} is the on-site capacity of a
 * hybrid event; its {@code placesLeft} is the sum of both modes (null when either is unlimited), as before this was
 * added.
 */
@Schema(name = "AttendanceModes", description = "Hybrid events only: capacity and places per attendance mode. "
        + "Sign up in a mode with the answer attendanceMode = ON_SITE or ONLINE.")
public record AttendanceModes(
        @Schema(description = "Taking part at the venue") ModePlaces onSite,
        @Schema(description = "Taking part online") ModePlaces online) {

    @Schema(name = "ModePlaces")
    public record ModePlaces(
            @Schema(nullable = true, description = "Places in this mode; null when unlimited") Integer capacity,
            @Schema(nullable = true, description = "Places still free in this mode; null when unlimited") Integer placesLeft,
            @Schema(description = "Confirmed registrations in this mode") int confirmed,
            @Schema(description = "On the waiting list for this mode") int waitlisted,
            @Schema(description = "No place left: a sign-up in this mode joins its waiting list") boolean full) {
    }

    /** The modes of a hybrid event, or null for an online or in-person event (one mode, the event's numbers). */
    public static AttendanceModes of(Event event) {
        if (!event.isHybrid()) {
            return null;
        }
        return new AttendanceModes(places(event, AttendanceMode.ON_SITE), places(event, AttendanceMode.ONLINE));
    }

    private static ModePlaces places(Event event, AttendanceMode mode) {
        return new ModePlaces(event.capacityFor(mode), event.placesLeft(mode), event.confirmedFor(mode),
                event.waitlistedFor(mode), event.isFull(mode));
    }
}
