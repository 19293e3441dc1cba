package nl.kennisagenda.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a form body whose CSRF token is checked by {@link PageBoundTokens} (a signed, expiring token bound to the
 * form's address, carried in the page alone) instead of the cookie-bound {@link CsrfGuard} token: for forms shown
 * inside another site's iframe, where browsers do not send our SameSite=Lax cookie back with the POST (and many
 * block third-party cookies altogether). {@link StrictFormReader} still checks it before the resource runs, so a
 * post without a valid token answers 403 and never counts against the rate limit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER })
public @interface PageBoundToken {
}
