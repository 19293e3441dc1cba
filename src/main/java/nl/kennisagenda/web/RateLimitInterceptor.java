package nl.kennisagenda.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/** Counts every call of a {@link RateLimited} method against the calling client's budget; 429 when it is spent. */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RateLimitInterceptor {

    @Inject
    ClientRateLimiter limiter;

    @Inject
    CurrentVertxRequest request;

    @AroundInvoke
    Object count(InvocationContext invocation) throws Exception {
        limiter.check(request.getCurrent() == null ? null : request.getCurrent().request());
        return invocation.proceed();
    }
}
