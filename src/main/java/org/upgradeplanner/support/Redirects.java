package org.upgradeplanner.support;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Post/Redirect/Get with a relative {@code Location}: JAX-RS would make it absolute from the request's {@code Host}
 * header, which the client chooses, so a forged header would send the browser elsewhere.
 */
public final class Redirects {

    private Redirects() {}

    /** 303 See Other to a path of this service. */
    public static Response seeOther(String path) {
        return seeOtherBuilder(path).build();
    }

    public static Response.ResponseBuilder seeOtherBuilder(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("not a path of this service: " + path);
        }
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, path);
    }
}
