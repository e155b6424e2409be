package org.upgradeplanner.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.upgradeplanner.support.Api.admin;
import static org.upgradeplanner.support.Api.announcer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReleaseResourceTest {

    @Test
    void listsTheCatalogWithDates() {
        admin().when()
                .get("/api/releases")
                .then()
                .statusCode(200)
                .body("size()", greaterThan(70))
                .body("find { it.distro == 'ubuntu' && it.version == '12.04' }.codename", equalTo("Precise Pangolin"))
                .body("find { it.distro == 'ubuntu' && it.version == '12.04' }.lts", equalTo(true))
                .body("find { it.distro == 'ubuntu' && it.version == '12.04' }.released", equalTo("2012-04-26"))
                .body("find { it.distro == 'ubuntu' && it.version == '12.04' }.eol", equalTo("2017-04-28"))
                .body("find { it.distro == 'ubuntu' && it.version == '12.04' }.eolExtended", equalTo("2019-04-26"))
                .body("find { it.distro == 'centos' && it.version == '7' }.eol", equalTo("2024-06-30"));
    }

    @Test
    void filtersByDistro() {
        admin().queryParam("distro", "Debian")
                .when()
                .get("/api/releases")
                .then()
                .statusCode(200)
                .body("distro", everyItem(equalTo("debian")));
    }

    @Test
    void needsTheAdminRole() {
        given().when()
                .get("/api/releases")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"Upgrade Planner\"");
        given().auth()
                .preemptive()
                .basic("admin", "wrong")
                .when()
                .get("/api/releases")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        announcer()
                .when()
                .get("/api/releases")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
    }
}
