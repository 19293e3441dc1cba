package nl.kennisagenda.privacy.web;

import java.util.Optional;

import jakarta.ws.rs.Path;

/** Export and erasure of a newsletter subscriber's address, from the preferences link. */
@Path("/newsletter/preferences/{token}/personal-data")
public class SubscriberDataResource extends PersonalDataLinkResource {

    @Override
    Optional<String> addressOf(String token) {
        return data.addressOfSubscriber(token);
    }

    @Override
    String link(String token) {
        return "/newsletter/preferences/" + token;
    }
}
