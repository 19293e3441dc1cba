package nl.kennisagenda.privacy.web;

import java.util.Optional;

import jakarta.ws.rs.Path;

/** Export and erasure of the address of a registration, from its manage link. */
@Path("/registrations/{token}/personal-data")
public class RegistrationDataResource extends PersonalDataLinkResource {

    @Override
    Optional<String> addressOf(String token) {
        return data.addressOfRegistration(token);
    }

    @Override
    String link(String token) {
        return "/registrations/" + token;
    }
}
