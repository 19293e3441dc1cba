package nl.kennisagenda.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a form body parameter: {@link StrictFormReader} reads it without the CSRF check that every other form POST
 * gets. Only for posts that by their nature come from outside a page of ours and change nothing a forger could
 * profit from, such as the RFC 8058 one-click unsubscribe a mail client sends. Say why where it is used.
 * <p>
 * On a parameter or on the method, it also exempts the route from {@link OriginGuard}'s {@code Origin} check (on the
 * method for bodies that {@link StrictFormReader} does not read, such as the multipart one-click post).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.METHOD })
public @interface CsrfExempt {
}
