package org.upgradeplanner.host;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.upgradeplanner.support.Api.admin;
import static org.upgradeplanner.support.Api.announcer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
        return admin().contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("source", source).queryParam("dryRun", dryRun)
                .when().post("/api/inventory/import").then();
    }

    private static int total(String q) {
        return admin().queryParam("q", q).when().get("/api/hosts").then().extract().path("total");
    }

    @Test
    void importReplacesWhatTheSourceSaidBefore() {
        post(V1, "imp", false).statusCode(200)
                .body("added", equalTo(3)).body("updated", equalTo(0)).body("unchanged", equalTo(0)).body("removed", equalTo(0))
                .body("hosts", contains("w1.imp.test", "w2.imp.test", "db.imp.test"));
        admin().when().get("/api/hosts/w1.imp.test").then().body("classification", equalTo("TRIVIAL")).body("source", equalTo("imp"));
        post(V1, "imp", false).statusCode(200).body("added", equalTo(0)).body("unchanged", equalTo(3));

        // An override survives a re-import that changes the host.
        admin().contentType(ContentType.JSON).body(Map.of("classification", "OUTAGE_REQUIRED", "reason", "licence server on it"))
                .when().put("/api/hosts/w1.imp.test/classification").then().statusCode(200);

        post(V2, "imp", true).statusCode(200)
                .body("dryRun", equalTo(true)).body("updated", equalTo(1)).body("removed", equalTo(1)).body("unchanged", equalTo(1))
                .body("changes.find { it.hostname == 'w1.imp.test' }.fields", contains("vars"))
                .body("changes.find { it.hostname == 'w2.imp.test' }.action", equalTo("REMOVED"));
        admin().when().get("/api/hosts/w2.imp.test").then().statusCode(200);

        post(V2, "imp", false).statusCode(200).body("updated", equalTo(1)).body("removed", equalTo(1));
        admin().when().get("/api/hosts/w2.imp.test").then().statusCode(404);
        admin().when().get("/api/hosts/w1.imp.test").then().statusCode(200)
                .body("vars.rack", equalTo("r7"))
                .body("classification", equalTo("OUTAGE_REQUIRED"))
                .body("classificationSource", equalTo("OVERRIDE"));
        admin().when().get("/api/audit?subjectType=inventory&subject=imp").then().body("total", equalTo(3))
                .body("items[0].actor", equalTo("admin"));
        admin().when().get("/api/audit?subject=w2.imp.test&action=HOST_REMOVED").then().body("total", equalTo(1));
    }

    @Test
    void aRejectedImportChangesNothing() {
        post(V1.replace(".imp.test", ".rej.test"), "rej", false).statusCode(200);
        String broken = V2.replace(".imp.test", ".rej.test").replace("rack: r7", "rack: r7, stateful: perhaps");
        post(broken, "rej", false).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("request body line 6: `stateful` must be true or false, not `perhaps`"))
                .body("errors[0].field", equalTo("all.children.workers.hosts.w1.rej.test.stateful"));
        admin().when().get("/api/hosts/w2.rej.test").then().statusCode(200);
        admin().when().get("/api/hosts/w1.rej.test").then().body("vars.rack", org.hamcrest.Matchers.nullValue());

        post("all:\n  hosts:\n    a: [\n", "rej", false).statusCode(400).body("detail", containsString("line 4, column 1: not valid YAML"));
        post("", "rej", false).statusCode(400).body("errors[0].field", equalTo("body"));
        post("all:\n  hosts:\n    x.rej.test:\n", "manual", false).statusCode(400).body("errors[0].field", equalTo("source"));
        post("all:\n  hosts:\n    x.rej.test:\n", " Manual ", false).statusCode(400).body("errors[0].field", equalTo("source"));
        org.junit.jupiter.api.Assertions.assertEquals(3, total(".rej.test"));
    }

    @Test
    void hostsOfAnotherSourceAreNeverTouched() {
        post("all:\n  hosts:\n    shared.own.test: {os: ubuntu-12.04}\n", "owner-a", false).statusCode(200);
        post("all:\n  hosts:\n    shared.own.test: {os: ubuntu-14.04}\n    other.own.test:\n", "owner-b", false).statusCode(409)
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
        admin().contentType(ContentType.JSON).body(json).queryParam("source", "json").when().post("/api/inventory/import").then()
                .statusCode(200).body("added", equalTo(1));
        admin().when().get("/api/hosts/j1.json.test").then().body("groups", contains("jgroup")).body("os.version", equalTo("14.04"));
        admin().contentType(ContentType.JSON).body("{\"web\": {\"hosts\": \"a\"}}").when().post("/api/inventory/import").then()
                .statusCode(400).body("errors[0].field", equalTo("web.hosts"));
    }

    @Test
    void theStartUpImportUsedTheFilePathAsSource() {
        admin().when().get("/api/hosts/review.openstack.org").then().body("source", startsWith("inventory"))
                .body("source", containsString("openstack-infra.yaml"));
        admin().when().get("/api/audit?subjectType=inventory&actor=system").then().body("items.subject", hasItem(containsString("ops.yaml")));
    }

    @Test
    void onlyAdminsImport() {
        announcer().contentType("application/yaml").body(V1.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/api/inventory/import").then().statusCode(403);
        org.upgradeplanner.support.Api.admin().auth().preemptive().basic("admin", "nope").contentType("application/yaml").body(V1.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/inventory/import").then().statusCode(401);
    }
}
