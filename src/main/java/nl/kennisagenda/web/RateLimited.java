package nl.kennisagenda.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Puts a resource method behind the per-client attempt limit of {@link ClientRateLimiter}: {@link RateLimitInterceptor}
 * counts each call (and refuses it with 429 when over the limit). An interceptor rather than a request filter, so it
 * runs after the body was read and its CSRF token checked: forged cross-site posts do not eat a visitor's budget.
 * Every method that carries it shares one budget per client, so the sign-up form and the API together stay under it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RateLimited {
}
