package org.upgradeplanner.host;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.upgradeplanner.support.Api.admin;
import static org.upgradeplanner.support.Api.announcer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class HostResourceTest {

    private static Map<String, Object> host(String hostname) {
        return Map.of(
                "hostname",
                hostname,
                "os",
                Map.of("distro", "ubuntu", "version", "12.04"),
                "services",
                java.util.List.of("wiki"),
                "stateful",
                true,
                "public",
                true,
                "vars",
                Map.of("owner", "docs"));
    }

    private static int create(Map<String, Object> body) {
        return admin().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(201)
                .extract()
                .path("version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRIVIAL", "OUTAGE_REQUIRED", "UP_TO_DATE", "UNKNOWN"})
    void theSampleFleetShowsEveryClassificationWithReasons(String classification) {
        admin().queryParam("classification", classification)
                .queryParam("q", "open")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(200)
                .body("total", greaterThan(0))
                .body("items.classification", everyItem(equalTo(classification)))
                .body("items[0].reasons.size()", greaterThan(0));
    }

    @Test
    void sampleHostsCarryPathEolAndReasons() {
        admin().when()
                .get("/api/hosts/ZM01.openstack.org")
                .then()
                .statusCode(200)
                .body("hostname", equalTo("zm01.openstack.org"))
                .body("os.distro", equalTo("ubuntu"))
                .body("os.version", equalTo("12.04"))
                .body("eol", equalTo("2017-04-28"))
                .body("upgradePath[0]", equalTo("14.04"))
                .body("classification", equalTo("TRIVIAL"))
                .body("classificationSource", equalTo("RULE"))
                .body(
                        "reasons[0]",
                        equalTo(
                                // ci, zuul_mergers' parent, holds the same 8: a tie goes to the first name
                                "member of pool `ci` (8 replaceable hosts providing zuul-merger): rolling replacement"))
                .body("groups", contains("ci", "zuul_mergers"))
                .body("dependsOn", contains("zuul.openstack.org"))
                .body("vars.datacenter", equalTo("rax-ord"))
                .body("source", startsWith("inventory"));
        admin().when()
                .get("/api/hosts/summit.openstack.org")
                .then()
                .statusCode(200)
                .body("os", nullValue())
                .body("classification", equalTo("UNKNOWN"))
                .body("upgradePath", hasSize(0));
        admin().when()
                .get("/api/hosts/review.openstack.org")
                .then()
                .statusCode(200)
                .body("osFrom", equalTo("inventory"))
                .body("reasons", hasItem(containsString("hosts depend on it")));
        admin().when()
                .get("/api/hosts/jenkins01.openstack.org")
                .then()
                .statusCode(200)
                .body("osFrom", equalTo("facts"));
    }

    @Test
    void aHostsOwnTargetReleaseWinsOverTheFleetTarget() {
        // the sample's group new_systems targets 16.04, whatever the fleet's target
        admin().when()
                .get("/api/hosts/translate-dev01.openstack.org")
                .then()
                .body("targetRelease", equalTo("16.04"))
                .body("upgradePath", contains("16.04"))
                .body("vars.target_release", equalTo("16.04"))
                .body("classification", equalTo("TRIVIAL"));
        admin().when()
                .get("/api/hosts/zuul-launcher01.openstack.org")
                .then()
                .body("classification", equalTo("UP_TO_DATE"));

        Map<String, Object> body = new java.util.HashMap<>(host("targeted.example.org"));
        body.put("vars", Map.of("target_release", "14.04"));
        create(body);
        admin().when()
                .get("/api/hosts/targeted.example.org")
                .then()
                .body("targetRelease", equalTo("14.04"))
                .body("upgradePath", contains("14.04"));
        body.put("hostname", "mistargeted.example.org");
        body.put("vars", Map.of("target_release", "13.13"));
        create(body);
        admin().when()
                .get("/api/hosts/mistargeted.example.org")
                .then()
                .body("classification", equalTo("UNKNOWN"))
                .body(
                        "reasons[0]",
                        equalTo("its target ubuntu 13.13 (target_release or campaign) is not in the release catalog"));
        body.put("hostname", "badtarget.example.org");
        body.put("vars", Map.of("target_release", List.of("16.04")));
        admin().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("vars.target_release"));
        admin().when().get("/api/hosts/badtarget.example.org").then().statusCode(404);
    }

    @Test
    void filtersAndPages() {
        admin().queryParam("release", "ubuntu-10.04")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.hostname", contains("old-wiki.openstack.org", "pypi.openstack.org"));
        admin().queryParam("service", "zuul-merger")
                .queryParam("size", 3)
                .queryParam("page", 2)
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(200)
                .body("total", equalTo(8))
                .body("items.hostname", contains("zm07.openstack.org", "zm08.openstack.org"));
        admin().queryParam("group", "git_backends")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(200)
                .body("total", equalTo(4));
        admin().queryParam("release", "unknown")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(200)
                .body("items.hostname", hasItem("summit.openstack.org"));
        admin().queryParam("q", "100%_")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        admin().queryParam("sort", "-eol")
                .queryParam("q", "openstack.org")
                .queryParam("size", 1)
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(200)
                .body("items[0].eol", equalTo("2024-06-30"));
    }

    @Test
    void badFiltersNameTheField() {
        admin().queryParam("classification", "EASY")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("classification"));
        admin().queryParam("release", "12.04")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("release"));
        admin().queryParam("sort", "owner")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        admin().queryParam("size", 0)
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
        admin().queryParam("page", "x").when().get("/api/hosts").then().statusCode(404);
    }

    @Test
    void createReadUpdateDelete() {
        int version = create(host("Wiki-New.Example.org"));
        admin().when()
                .get("/api/hosts/wiki-new.example.org")
                .then()
                .statusCode(200)
                .body("source", equalTo("manual"))
                .body("classification", equalTo("OUTAGE_REQUIRED"))
                .body("vars.owner", equalTo("docs"));

        Map<String, Object> update = new java.util.HashMap<>(host("wiki-new.example.org"));
        update.put("os", Map.of("distro", "ubuntu", "version", "26.04"));
        update.put("version", version);
        admin().contentType(ContentType.JSON)
                .body(update)
                .when()
                .put("/api/hosts/wiki-new.example.org")
                .then()
                .statusCode(200)
                .body("classification", equalTo("UP_TO_DATE"))
                .body("version", greaterThan(version));

        admin().contentType(ContentType.JSON)
                .body(update)
                .when()
                .put("/api/hosts/wiki-new.example.org")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"));
        admin().when().get("/api/hosts/wiki-new.example.org").then().body("os.version", equalTo("26.04"));

        admin().when().delete("/api/hosts/wiki-new.example.org").then().statusCode(204);
        admin().when()
                .get("/api/hosts/wiki-new.example.org")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        admin().when().delete("/api/hosts/wiki-new.example.org").then().statusCode(404);
    }

    @Test
    void duplicatesAndBadFieldsAreRefusedWithTheFieldNamed() {
        create(host("dup.example.org"));
        admin().contentType(ContentType.JSON)
                .body(host("DUP.example.org"))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("hostname"));
        admin().contentType(ContentType.JSON)
                .body(Map.of(
                        "hostname",
                        "bad host",
                        "os",
                        Map.of("distro", "Ubuntu!", "version", ""),
                        "services",
                        java.util.List.of("a b"),
                        "dependsOn",
                        java.util.List.of("bad host"),
                        "vars",
                        Map.of("os", "x")))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        hasItems("hostname", "os.distro", "os.version", "services[0]", "dependsOn[0]", "vars.os"));
        admin().contentType(ContentType.JSON)
                .body("{\"hostname\": \"x.example.org\", \"stateful\": \"very\"}")
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("stateful"));
        admin().contentType(ContentType.JSON)
                .body("{\"hostname\": ")
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().contentType(ContentType.JSON)
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("hostname", "x.example.org", "version", 0))
                .when()
                .put("/api/hosts/dup.example.org")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("hostname"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("hostname", "dup.example.org"))
                .when()
                .put("/api/hosts/dup.example.org")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("version"));
        admin().contentType(ContentType.XML)
                .body("<host/>")
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void overrideNeedsAReasonWinsAndCanBeCleared() {
        create(host("ovr.example.org"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("classification", "TRIVIAL"))
                .when()
                .put("/api/hosts/ovr.example.org/classification")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("classification", "EASY", "reason", "x"))
                .when()
                .put("/api/hosts/ovr.example.org/classification")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("classification"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("classification", "TRIVIAL", "reason", "read-only mirror", "version", 99))
                .when()
                .put("/api/hosts/ovr.example.org/classification")
                .then()
                .statusCode(409);
        admin().contentType(ContentType.JSON)
                .body(Map.of("classification", "TRIVIAL", "reason", "read-only mirror"))
                .when()
                .put("/api/hosts/ovr.example.org/classification")
                .then()
                .statusCode(200)
                .body("classification", equalTo("TRIVIAL"))
                .body("classificationSource", equalTo("OVERRIDE"))
                .body("override.by", equalTo("admin"))
                .body("override.ruleResult", equalTo("OUTAGE_REQUIRED"))
                .body("reasons[0]", equalTo("overridden by admin: read-only mirror"));
        admin().queryParam("classification", "TRIVIAL")
                .queryParam("q", "ovr.example")
                .when()
                .get("/api/hosts")
                .then()
                .body("total", equalTo(1));
        admin().when()
                .get("/api/audit?subject=ovr.example.org&action=CLASSIFICATION_OVERRIDDEN")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].actor", equalTo("admin"))
                .body("items[0].before", containsString("OUTAGE_REQUIRED"))
                .body("items[0].after", containsString("TRIVIAL"))
                .body("items[0].detail", equalTo("read-only mirror"));
        admin().when()
                .delete("/api/hosts/ovr.example.org/classification")
                .then()
                .statusCode(200)
                .body("classification", equalTo("OUTAGE_REQUIRED"))
                .body("classificationSource", equalTo("RULE"));
        admin().when().put("/api/hosts/nope.example.org/classification").then().statusCode(400);
        admin().contentType(ContentType.JSON)
                .body(Map.of("classification", "TRIVIAL", "reason", "x"))
                .when()
                .put("/api/hosts/nope.example.org/classification")
                .then()
                .statusCode(404);
    }

    @Test
    void aHostEditReclassifiesItsNeighbours() {
        create(Map.of(
                "hostname",
                "pool-a.example.org",
                "os",
                Map.of("distro", "ubuntu", "version", "12.04"),
                "services",
                java.util.List.of("pooled"),
                "stateful",
                true,
                "replaceable",
                true));
        admin().when().get("/api/hosts/pool-a.example.org").then().body("classification", equalTo("OUTAGE_REQUIRED"));
        create(Map.of(
                "hostname",
                "pool-b.example.org",
                "os",
                Map.of("distro", "ubuntu", "version", "12.04"),
                "services",
                java.util.List.of("pooled"),
                "stateful",
                true,
                "replaceable",
                true));
        admin().when().get("/api/hosts/pool-a.example.org").then().body("classification", equalTo("TRIVIAL"));
        admin().when()
                .get("/api/audit?subject=pool-a.example.org&action=CLASSIFICATION_CHANGED")
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void onlyAdminsMayTouchHosts() {
        given().when().get("/api/hosts").then().statusCode(401);
        announcer().when().get("/api/hosts").then().statusCode(403);
        announcer()
                .contentType(ContentType.JSON)
                .body(host("sneaky.example.org"))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(403);
        admin().when().get("/api/hosts/sneaky.example.org").then().statusCode(404);
    }
}
