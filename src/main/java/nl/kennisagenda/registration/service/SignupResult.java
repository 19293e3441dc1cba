package nl.kennisagenda.registration.service;

import nl.kennisagenda.registration.RegistrationStatus;

/**
 * The answer a visitor gets after signing up: which event and whether there is a place or a place on the waiting
 * list. Deliberately carries no token and no hint whether the address was already registered.
 */
public record SignupResult(long eventId, String eventSlug, RegistrationStatus status) {
}
