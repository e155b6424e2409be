package org.upgradeplanner.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Logged-in requests for tests; the test profile sets admin/admin and announcer/announcer. */
public final class Api {

    private Api() {}

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin");
    }

    public static RequestSpecification announcer() {
        return given().auth().preemptive().basic("announcer", "announcer");
    }
}
