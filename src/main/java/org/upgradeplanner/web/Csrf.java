package org.upgradeplanner.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.upgradeplanner.support.Digests;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.support.PlannerException;

/**
 * CSRF protection of the UI forms. Signed in, a form's token ({@code {inject:csrf.token}}) is bound to the session: an
 * HMAC-SHA256 of a fixed label keyed with the session's secret, which only the session cookie (HttpOnly) holds. Every
 * replica computes it with no shared key, another site cannot, and a new session at login gives a new token.
 * Before login (the login form) it is a double submit: a random token in a SameSite=Strict, HttpOnly cookie and the same
 * token in the form. The JSON API needs no token: a browser sends it neither Basic credentials of its own accord
 * nor our bearer tokens, and the session cookie is no login there.
 */
@RequestScoped
@Named("csrf")
public class Csrf {

    static final String COOKIE = "planner-csrf";
    static final String FIELD = "csrf-token";

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final boolean secure;
    private String token;

    Csrf(HttpServerRequest request, HttpServerResponse response, PlannerConfig config) {
        this.request = request;
        this.response = response;
        this.secure = config.baseUrl().startsWith("https:");
    }

    /** The token of this browser's forms; before login, set as a cookie the first time a page needs it. */
    public String getToken() {
        if (token == null) {
            String session = value(SessionMechanism.COOKIE);
            String cookie = value(COOKIE);
            token = session != null ? bound(session) : cookie != null ? cookie : newToken();
            if (!token.equals(cookie)) {
                response.addCookie(Cookie.cookie(COOKIE, token)
                        .setPath("/")
                        .setHttpOnly(true)
                        .setSecure(secure)
                        .setSameSite(CookieSameSite.STRICT));
            }
        }
        return token;
    }

    /** @throws PlannerException (400) unless the form's token is the cookie's */
    public void verify(String formToken) {
        if (!matches(formToken)) {
            throw PlannerException.invalid(
                    FIELD, "the form is stale or did not come from this site: reload the page and try again");
        }
    }

    /** Whether the form's token is the session's (signed in) or this browser's cookie's (the login form). */
    public boolean matches(String formToken) {
        String session = value(SessionMechanism.COOKIE);
        return matches(session != null ? bound(session) : value(COOKIE), formToken);
    }

    /** The session's form token: an HMAC keyed with the session secret. */
    static String bound(String sessionToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal("planner-csrf-v1".getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private String value(String name) {
        Cookie cookie = request.getCookie(name);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    static String newToken() {
        return Digests.randomToken(24);
    }

    /** Whether a form's token is the cookie's (compared in constant time). */
    static boolean matches(String cookieToken, String formToken) {
        return cookieToken != null
                && formToken != null
                && !formToken.isEmpty()
                && MessageDigest.isEqual(
                        cookieToken.getBytes(StandardCharsets.UTF_8), formToken.getBytes(StandardCharsets.UTF_8));
    }
}
