package org.upgradeplanner.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.upgradeplanner.support.PlannerException;

/**
 * CSRF protection of the UI forms (double-submit): a random token in a SameSite=Strict, HttpOnly cookie, and the same
 * token in a hidden field of every form ({@code {inject:csrf.token}}); a form post whose two differ is refused.
 * The JSON API needs no token: it authenticates with HTTP Basic, which a browser never sends on its own.
 */
@RequestScoped
@Named("csrf")
public class Csrf {

    static final String COOKIE = "planner-csrf";
    static final String FIELD = "csrf-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private String token;

    Csrf(HttpServerRequest request, HttpServerResponse response) {
        this.request = request;
        this.response = response;
    }

    /** The token for this browser, set as a cookie the first time a page needs it. */
    public String getToken() {
        if (token == null) {
            Cookie cookie = request.getCookie(COOKIE);
            if (cookie != null && !cookie.getValue().isBlank()) {
                token = cookie.getValue();
            } else {
                token = newToken();
                response.addCookie(Cookie.cookie(COOKIE, token)
                        .setPath("/")
                        .setHttpOnly(true)
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

    /** Whether the form's token is this browser's cookie's. */
    public boolean matches(String formToken) {
        Cookie cookie = request.getCookie(COOKIE);
        return matches(cookie == null ? null : cookie.getValue(), formToken);
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
