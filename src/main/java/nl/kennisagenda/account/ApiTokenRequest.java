package nl.kennisagenda.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A Bearer secret sent to {@code /api/admin/…}, for {@link ApiTokenIdentityProvider}. */
public final class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiTokenRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
