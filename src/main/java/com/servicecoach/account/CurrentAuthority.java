package com.servicecoach.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.TokenValidatedEvent;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The one place where a token becomes the caller's authority, for every route. After the token's
 * signature and expiry are checked, its session is looked up: a session that was ended (sign-out,
 * password change or reset, role change, disabling) or a disabled user yields no authentication at all,
 * and the roles are the user's roles as stored now, not the ones in the token. HTTP Basic needs no such
 * step: each Basic request checks the password and reads the user afresh.
 *
 * <p>Nothing is cached, so a change takes effect on the next request on every instance.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
class CurrentAuthority extends TokenAuthenticationFetcher {

    /** Attribute names on the {@link Authentication} of a request. */
    static final String SESSION_ID = "sid";
    static final String VIEWER = "viewer";
    static final String CSRF = com.servicecoach.web.CsrfFilter.SESSION_TOKEN;

    private final Sessions sessions;
    private final Scheduler blocking;

    CurrentAuthority(List<TokenValidator<HttpRequest<?>>> tokenValidators, TokenResolver<HttpRequest<?>> tokenResolver,
                     ApplicationEventPublisher<TokenValidatedEvent> tokenValidatedEventPublisher,
                     HttpHostResolver httpHostResolver, HttpLocaleResolver httpLocaleResolver,
                     Sessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        super(tokenValidators, tokenResolver, tokenValidatedEventPublisher, httpHostResolver, httpLocaleResolver);
        this.sessions = sessions;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (isStaticAsset(request.getPath())) {
            // style sheets, scripts and images are open to all: no session look-up for them
            return Flux.empty();
        }
        return Flux.from(super.fetchAuthentication(request))
                .next()
                .publishOn(blocking)
                .flatMap(token -> Mono.justOrEmpty(current(token)));
    }

    static boolean isStaticAsset(String path) {
        return path.startsWith("/assets/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    /** The caller as the database says now, or empty when the token's session or user is no longer valid. */
    Optional<Authentication> current(Authentication token) {
        Object sid = token.getAttributes().get(SESSION_ID);
        return sessions.current(sid instanceof String s ? s : null, token.getName()).map(current -> {
            User user = current.user();
            Map<String, Object> attributes = new HashMap<>(token.getAttributes());
            attributes.remove("roles");
            attributes.put(SESSION_ID, current.session().id());
            attributes.put(CSRF, current.session().csrfToken());
            attributes.put(VIEWER, Viewers.viewer(user));
            return Authentication.build(user.username(), List.of(user.role().name()), attributes);
        });
    }
}
