package org.upgradeplanner.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The message a Post/Redirect/Get shows once on the page it redirects to, carried in a short-lived cookie
 * (the form login keeps no server-side session). Templates read it as {@code {inject:flash.message}}.
 */
@RequestScoped
@Named("flash")
public class Flash {

    static final String COOKIE = "planner-flash";

    private final HttpServerRequest request;
    private final HttpServerResponse response;

    Flash(HttpServerRequest request, HttpServerResponse response) {
        this.request = request;
        this.response = response;
    }

    /** Shown on the next page. */
    public void set(String message) {
        String value =
                URLEncoder.encode(message.length() > 300 ? message.substring(0, 300) : message, StandardCharsets.UTF_8);
        response.addCookie(Cookie.cookie(COOKIE, value)
                .setPath("/")
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setMaxAge(60));
    }

    /** The message, once: reading it clears it. */
    public String getMessage() {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return "";
        }
        response.addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
        return URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
    }
}
