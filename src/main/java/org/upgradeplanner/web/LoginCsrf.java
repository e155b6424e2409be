package org.upgradeplanner.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The login form carries a CSRF token like every other form. Quarkus' form mechanism owns {@code POST /j_security_check},
 * so the token is checked here, once the password is: a login whose token is missing or not the cookie's fails like
 * a wrong password (the browser lands on the error page, with no session). Other requests pass untouched.
 */
@ApplicationScoped
public class LoginCsrf implements SecurityIdentityAugmentor {

    private static final String LOGIN_POST = "/j_security_check";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (rc == null || rc.request().method() != HttpMethod.POST || !rc.normalizedPath().endsWith(LOGIN_POST)) {
            return Uni.createFrom().item(identity);
        }
        Cookie cookie = rc.request().getCookie(Csrf.COOKIE);
        if (!Csrf.matches(cookie == null ? null : cookie.getValue(), rc.request().getFormAttribute(Csrf.FIELD))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the login form has no valid CSRF token"));
        }
        return Uni.createFrom().item(identity);
    }
}
