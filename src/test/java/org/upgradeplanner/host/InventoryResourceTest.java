package org.upgradeplanner.host;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.upgradeplanner.support.Api.admin;
import static org.upgradeplanner.support.Api.announcer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InventoryResourceTest {

    private static final String V1 = """
            all:
              children:
                workers:
                  vars: {os: ubuntu-12.04, services: [work], replaceable: true}
                  hosts:
                    w1.imp.test:
                    w2.imp.test:
                db:
                  hosts:
                    db.imp.test: {os: ubuntu-12.04, stateful: true, services: [db]}
            """;

    private static final String V2 = """
            all:
              children:
                workers:
                  vars: {os: ubuntu-12.04, services: [work], replaceable: true}
                  hosts:
                    w1.imp.test: {rack: r7}
                db:
                  hosts:
                    db.imp.test: {os: ubuntu-12.04, stateful: true, services: [db]}
            """;

    private static io.restassured.response.ValidatableResponse post(String yaml, String source, boolean dryRun) {
        return admin().contentType("application/yaml")
                .body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("source", source)
                .queryParam("dryRun", dryRun)
                .when()
                .post("/api/inventory/import")
                .then();
    }

    private static int total(String q) {
        return admin().queryParam("q", q)
                .when()
                .get("/api/hosts")
                .then()
                .extract()
                .path("total");
    }

    @Test
    void aTargetReleaseThatIsNoVersionIsRefusedAndNothingIsImported() {
        post("""
                all:
                  children:
                    new_systems:
                      vars: {target_release: [16.04]}
                      hosts:
                        t1.target.test: {os: ubuntu-14.04}
                """, "target", false)
                .statusCode(400)
                .body(
                        "errors[0].message",
                        containsString("`target_release` must be a release version such as \"16.04\""));
        assertEquals(0, total("target.test"));
    }

    @Test
    void importReplacesWhatTheSourceSaidBefore() {
        post(V1, "imp", false)
                .statusCode(200)
                .body("added", equalTo(3))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("removed", equalTo(0))
                .body("hosts", contains("w1.imp.test", "w2.imp.test", "db.imp.test"));
        admin().when()
                .get("/api/hosts/w1.imp.test")
                .then()
                .body("classification", equalTo("TRIVIAL"))
                .body("source", equalTo("imp"));
        post(V1, "imp", false).statusCode(200).body("added", equalTo(0)).body("unchanged", equalTo(3));

        // An override survives a re-import that changes the host.
        admin().contentType(ContentType.JSON)
                .body(Map.of("classification", "OUTAGE_REQUIRED", "reason", "licence server on it"))
                .when()
                .put("/api/hosts/w1.imp.test/classification")
                .then()
                .statusCode(200);

        post(V2, "imp", true)
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("updated", equalTo(1))
                .body("removed", equalTo(1))
                .body("unchanged", equalTo(1))
                .body("changes.find { it.hostname == 'w1.imp.test' }.fields", contains("vars"))
                .body("changes.find { it.hostname == 'w2.imp.test' }.action", equalTo("REMOVED"));
        admin().when().get("/api/hosts/w2.imp.test").then().statusCode(200);

        post(V2, "imp", false).statusCode(200).body("updated", equalTo(1)).body("removed", equalTo(1));
        admin().when().get("/api/hosts/w2.imp.test").then().statusCode(404);
        admin().when()
                .get("/api/hosts/w1.imp.test")
                .then()
                .statusCode(200)
                .body("vars.rack", equalTo("r7"))
                .body("classification", equalTo("OUTAGE_REQUIRED"))
                .body("classificationSource", equalTo("OVERRIDE"));
        admin().when()
                .get("/api/audit?subjectType=inventory&subject=imp")
                .then()
                .body("total", equalTo(3))
                .body("items[0].actor", equalTo("admin"));
        admin().when()
                .get("/api/audit?subject=w2.imp.test&action=HOST_REMOVED")
                .then()
                .body("total", equalTo(1));
    }

    /** New hosts are written with plain JDBC ({@link HostRows}): every column must read back through the entity. */
    @Test
    void anImportedHostReadsBackThroughTheEntityAndCanBeEditedRemovedAndAddedAgain() {
        String yaml = """
                all:
                  children:
                    front:
                      vars: {public: true}
                      hosts:
                        web.rt.test: {os: ubuntu-12.04, stateful: true, services: [www, api], depends_on: [db.rt.test], rack: "r<1>"}
                    edge:
                      hosts:
                        web.rt.test:
                        db.rt.test: {os: ubuntu-14.04, replaceable: true}
                """;
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        post(yaml, "rt", false).statusCode(200).body("added", equalTo(2));
        Host web = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Host h = Host.byHostname("web.rt.test").orElseThrow();
            h.services.size(); // loaded inside the transaction
            h.groups.size();
            h.dependsOn.size();
            return h;
        });
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertEquals(
                        List.of("ubuntu", "12.04", "inventory"), List.of(web.distro, web.osVersion, web.osFrom)),
                () -> assertEquals(java.util.Set.of("api", "www"), web.services),
                () -> assertEquals(java.util.Set.of("edge", "front"), web.groups),
                () -> assertEquals(java.util.Set.of("db.rt.test"), web.dependsOn),
                () -> assertEquals(List.of(true, false, true), List.of(web.stateful, web.replaceable, web.isPublic)),
                () -> assertEquals(Map.of("rack", "r<1>"), web.vars()),
                () -> assertEquals("rt", web.source),
                () -> assertEquals(
                        org.upgradeplanner.classification.Classification.OUTAGE_REQUIRED, web.classification),
                () -> assertFalse(web.rule.isEmpty()),
                () -> assertFalse(web.reasons().isEmpty()),
                () -> assertEquals(java.time.LocalDate.parse("2017-04-28"), web.eol),
                () -> assertNull(web.overrideClassification),
                () -> assertEquals(0, web.version),
                () -> assertTrue(web.createdAt.isAfter(before), "createdAt " + web.createdAt),
                () -> assertEquals(web.createdAt, web.updatedAt));

        // Optimistic locking works on such a row, and a host made by hand after the import gets an id of its own.
        Map<String, Object> edit =
                Map.of("os", Map.of("distro", "ubuntu", "version", "14.04"), "services", List.of("db"), "version", 0);
        admin().contentType(ContentType.JSON)
                .body(edit)
                .when()
                .put("/api/hosts/db.rt.test")
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.greaterThan(0));
        admin().contentType(ContentType.JSON)
                .body(edit)
                .when()
                .put("/api/hosts/db.rt.test")
                .then()
                .statusCode(409);
        admin().contentType(ContentType.JSON)
                .body(Map.of("hostname", "hand.rt.test"))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(201);

        // Removed with its collection rows, then added again under the same name.
        post(
                        "all:\n  children:\n    edge:\n      hosts:\n        db.rt.test: {os: ubuntu-14.04, replaceable: true}\n",
                        "rt",
                        false)
                .statusCode(200)
                .body("removed", equalTo(1));
        admin().when().get("/api/hosts/web.rt.test").then().statusCode(404);
        post(yaml, "rt", false).statusCode(200).body("added", equalTo(1)).body("unchanged", equalTo(1));
        admin().when()
                .get("/api/hosts/web.rt.test")
                .then()
                .statusCode(200)
                .body("services", contains("api", "www"))
                .body("dependsOn", contains("db.rt.test"))
                .body("version", equalTo(0));
    }

    @Test
    void aRejectedImportChangesNothing() {
        post(V1.replace(".imp.test", ".rej.test"), "rej", false).statusCode(200);
        String broken = V2.replace(".imp.test", ".rej.test").replace("rack: r7", "rack: r7, stateful: perhaps");
        post(broken, "rej", false)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("request body line 6: `stateful` must be true or false, not `perhaps`"))
                .body("errors[0].field", equalTo("all.children.workers.hosts.w1.rej.test.stateful"));
        admin().when().get("/api/hosts/w2.rej.test").then().statusCode(200);
        admin().when().get("/api/hosts/w1.rej.test").then().body("vars.rack", org.hamcrest.Matchers.nullValue());

        post("all:\n  hosts:\n    a: [\n", "rej", false)
                .statusCode(400)
                .body("detail", containsString("line 4, column 1: not valid YAML"));
        post("", "rej", false).statusCode(400).body("errors[0].field", equalTo("body"));
        post("all:\n  hosts:\n    x.rej.test:\n", "manual", false)
                .statusCode(400)
                .body("errors[0].field", equalTo("source"));
        post("all:\n  hosts:\n    x.rej.test:\n", " Manual ", false)
                .statusCode(400)
                .body("errors[0].field", equalTo("source"));
        org.junit.jupiter.api.Assertions.assertEquals(3, total(".rej.test"));
    }

    @Test
    void hostsOfAnotherSourceAreNeverTouched() {
        post("all:\n  hosts:\n    shared.own.test: {os: ubuntu-12.04}\n", "owner-a", false)
                .statusCode(200);
        post("all:\n  hosts:\n    shared.own.test: {os: ubuntu-14.04}\n    other.own.test:\n", "owner-b", false)
                .statusCode(409)
                .body("errors[0].field", equalTo("shared.own.test"))
                .body("errors[0].message", containsString("belongs to source `owner-a`"));
        admin().when().get("/api/hosts/shared.own.test").then().body("os.version", equalTo("12.04"));
        admin().when().get("/api/hosts/other.own.test").then().statusCode(404);
        post("all:\n  hosts:\n    zm01.openstack.org:\n", "owner-b", false).statusCode(409);
    }

    @Test
    void ansibleInventoryListJsonIsAccepted() {
        String json = """
                {"_meta": {"hostvars": {"j1.json.test": {"os": "ubuntu-14.04", "services": ["x"]}}},
                 "all": {"children": ["ungrouped", "jgroup"]},
                 "jgroup": {"hosts": ["j1.json.test"]}}
                """;
        admin().contentType(ContentType.JSON)
                .body(json)
                .queryParam("source", "json")
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(200)
                .body("added", equalTo(1));
        admin().when()
                .get("/api/hosts/j1.json.test")
                .then()
                .body("groups", contains("jgroup"))
                .body("os.version", equalTo("14.04"));
        admin().contentType(ContentType.JSON)
                .body("{\"web\": {\"hosts\": \"a\"}}")
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("web.hosts"));
    }

    @Test
    void anIniInventoryIsAcceptedAsTextPlainWithAncestorGroups() {
        String ini = """
                [mergers]
                m[1:2].ini.test os=ubuntu-12.04 services="['merge']" replaceable=True
                [ci:children]
                mergers
                """;
        admin().contentType("text/plain")
                .body(ini.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("source", "ini")
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(200)
                .body("added", equalTo(2));
        admin().when()
                .get("/api/hosts/m1.ini.test")
                .then()
                .body("groups", contains("ci", "mergers"))
                .body("classification", equalTo("TRIVIAL"));
        admin().queryParam("group", "ci")
                .queryParam("q", ".ini.test")
                .when()
                .get("/api/hosts")
                .then()
                .body("total", equalTo(2));
        admin().contentType("text/plain")
                .body("[web]\nw1.ini.test bad\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("source", "ini")
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("web.hosts.w1.ini.test"))
                .body(
                        "errors[0].message",
                        equalTo("request body line 2: expected key=value after the host name, got `bad`"));
        post("[web]\nw1.ini.test os=ubuntu-12.04\n", "ini", true)
                .statusCode(400)
                .body("errors[0].field", equalTo("inventory"))
                .body("errors[0].message", containsString("request body line 1: this looks like an INI inventory"))
                .body("errors[0].message", containsString("send it as text/plain"));
        admin().when().get("/api/hosts/w1.ini.test").then().statusCode(404);
    }

    @Test
    void theStartUpImportUsedTheFilePathAsSource() {
        admin().when()
                .get("/api/hosts/review.openstack.org")
                .then()
                .body("source", startsWith("inventory"))
                .body("source", containsString("openstack-infra.yaml"));
        admin().when()
                .get("/api/audit?subjectType=inventory&actor=system")
                .then()
                .body("items.subject", hasItem(containsString("ops.yaml")));
    }

    @Test
    void onlyAdminsImport() {
        announcer()
                .contentType("application/yaml")
                .body(V1.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(403);
        org.upgradeplanner.support.Api.admin()
                .auth()
                .preemptive()
                .basic("admin", "nope")
                .contentType("application/yaml")
                .body(V1.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(401);
    }

    @Test
    void aBodyThatIsNotTextIsA400NamingTheBody() {
        byte[] latin1 = "all:\n  hosts:\n    bin.rej.test: {owner: Zo\u00eb}\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        // REST Assured would add "; charset=ISO-8859-1" to a type without one; the service's default is UTF-8.
        var noDefaultCharset = io.restassured.RestAssured.config()
                .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false));
        admin().config(noDefaultCharset)
                .contentType("application/yaml")
                .body(latin1)
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("not valid UTF-8 text: byte 43 (line 3) cannot be decoded"));
        admin().contentType("application/yaml; charset=ISO-8859-1")
                .body(latin1)
                .queryParam("dryRun", true)
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(200)
                .body("hosts", contains("bin.rej.test"));
        admin().contentType(ContentType.JSON)
                .body(new byte[256 * 1024])
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("control character U+0000 (line 1) is not allowed"));
        admin().when().get("/api/hosts/bin.rej.test").then().statusCode(404);
    }

    @Test
    void hostileDocumentsAreA400NamingThePlace() {
        admin().contentType(ContentType.JSON)
                .body("{\"_meta\": 5}")
                .when()
                .post("/api/inventory/import")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("_meta"));
        StringBuilder bomb = new StringBuilder(
                "all:\n  vars:\n    l0: &l0 [" + String.join(", ", java.util.Collections.nCopies(200, "x")) + "]\n");
        for (int level = 1; level <= 7; level++) {
            bomb.append("    l")
                    .append(level)
                    .append(": &l")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(7, "*l" + (level - 1))))
                    .append("]\n");
        }
        post(bomb.toString(), "bomb", true)
                .statusCode(400)
                .body("errors[0].field", equalTo("inventory"))
                .body("errors[0].message", startsWith("request body line 8: holds more than 1,000,000 values"));
    }
}
