package nl.kennisagenda.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;


/** Sets the CSRF cookie when a page issued a new nonce. */
public class CsrfCookieFilter {

    @Inject
    CsrfGuard guard;

    @ServerResponseFilter
    public void setCookie(ContainerResponseContext response) {
        String nonce = guard.issuedNonce();
        if (nonce != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(CsrfGuard.COOKIE)
                    .value(nonce).path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX)
                    .secure(guard.secureCookie()).build());
        }
    }
}
