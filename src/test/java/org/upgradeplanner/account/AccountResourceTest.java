package org.upgradeplanner.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.upgradeplanner.support.Api.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named people and program tokens through the API: the contract of /api/users, /api/tokens and the roles. */
@QuarkusTest
class AccountResourceTest {

    private static final String PASSWORD = "correct horse battery";

    private static void person(String username, String displayName, String role) {
        admin().contentType("application/json")
                .body(Map.of("username", username, "displayName", displayName, "role", role, "password", PASSWORD))
                .when()
                .post("/api/users")
                .then()
                .statusCode(201)
                .body("username", equalTo(username))
                .body("displayName", equalTo(displayName))
                .body("role", equalTo(role))
                .body("enabled", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }

    private static void host(RequestSpecification who, String hostname, int status) {
        who.contentType("application/json")
                .body(Map.of("hostname", hostname))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(status);
    }

    @Test
    void twoAdminsAndAViewerWorkAtOnceAndTheAuditLogTellsThemApart() {
        person("alice", "Alice Liddell", "admin");
        person("bob", "Bob Builder", "admin");
        person("vic", "Victor Viewer", "viewer");
        host(as("alice"), "by-alice.people.test", 201);
        host(as("bob"), "by-bob.people.test", 201);
        host(as("vic"), "by-vic.people.test", 403);
        as("vic").when().get("/api/hosts/by-alice.people.test").then().statusCode(200);

        for (String[] who : List.of(
                new String[] {"by-alice.people.test", "alice", "Alice Liddell"},
                new String[] {"by-bob.people.test", "bob", "Bob Builder"})) {
            as("vic")
                    .queryParam("subject", who[0])
                    .when()
                    .get("/api/audit")
                    .then()
                    .statusCode(200)
                    .body("items[0].actor", equalTo(who[1]))
                    .body("items[0].actorName", equalTo(who[2]));
        }
        as("vic")
                .queryParam("actor", "bob")
                .when()
                .get("/api/audit")
                .then()
                .body("items.subject", hasItem("by-bob.people.test"))
                .body("items.subject", not(hasItem("by-alice.people.test")));
        admin().when().get("/api/users").then().statusCode(200).body("username", hasItem("vic"));
    }

    /** Every GET of the API (as the OpenAPI document lists them) answers a viewer, and every write refuses one. */
    @Test
    void aViewerReadsEveryGetAndIsRefusedEveryWrite() {
        person("vera", "Vera Viewer", "viewer");
        JsonPath api = admin().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        List<String> checked = new ArrayList<>();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            String url = path.getKey().replaceAll("\\{[^}]+}", "1");
            for (var operation : path.getValue().entrySet()) {
                String method = operation.getKey();
                var response = as("vera")
                        .contentType(bodyType(operation.getValue()))
                        .body((method.equals("get") ? "" : "{}").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .request(method.toUpperCase(), url)
                        .then()
                        .extract();
                int status = response.statusCode();
                checked.add(method + " " + url + " " + status);
                if (method.equals("get")) {
                    assertTrue(status == 200 || status == 404, method + " " + url + ": " + status);
                } else {
                    assertEquals(
                            403,
                            status,
                            method + " " + url + ": " + response.body().asString());
                }
            }
        }
        assertTrue(checked.size() > 20, "the OpenAPI document lists the API: " + checked);
    }

    /** The first type the operation's request body is declared in (JSON when it declares none). */
    @SuppressWarnings("unchecked")
    private static String bodyType(Object operation) {
        Object body = ((Map<String, Object>) operation).get("requestBody");
        if (body == null) {
            return "application/json";
        }
        return ((Map<String, Object>) ((Map<String, Object>) body).get("content"))
                .keySet()
                .iterator()
                .next();
    }

    @Test
    void aDisabledAccountIsRefusedAtOnceAndAResetPasswordEndsTheOldOne() {
        person("dora", "Dora", "admin");
        as("dora").when().get("/api/hosts").then().statusCode(200);
        admin().contentType("application/json")
                .body(Map.of("enabled", false))
                .when()
                .put("/api/users/dora")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false));
        as("dora").when().get("/api/hosts").then().statusCode(401);
        admin().contentType("application/json")
                .body(Map.of("enabled", true, "password", "a new and longer one"))
                .when()
                .put("/api/users/dora")
                .then()
                .statusCode(200);
        as("dora").when().get("/api/hosts").then().statusCode(401);
        given().auth()
                .preemptive()
                .basic("dora", "a new and longer one")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(200);
    }

    @Test
    void badAccountsAreRefusedNamingTheFieldAndChangeNothing() {
        record Case(Map<String, Object> body, String field) {}
        for (Case c : List.of(
                new Case(Map.of("username", "Eve Upper", "role", "admin", "password", PASSWORD), "username"),
                new Case(Map.of("username", "eve", "role", "root", "password", PASSWORD), "role"),
                new Case(Map.of("username", "eve", "role", "admin", "password", "short"), "password"),
                new Case(Map.of("username", "eve", "role", "admin", "password", "x".repeat(73)), "password"))) {
            admin().contentType("application/json")
                    .body(c.body())
                    .when()
                    .post("/api/users")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c.field()));
        }
        admin().when().get("/api/users/eve").then().statusCode(404);
        person("erin", "Erin", "announcer");
        admin().contentType("application/json")
                .body(Map.of("username", "erin", "role", "admin", "password", PASSWORD))
                .when()
                .post("/api/users")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("username"));
        admin().contentType("application/json")
                .body(Map.of("displayName", "Erin Again", "version", 99))
                .when()
                .put("/api/users/erin")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("version"));
        admin().when()
                .get("/api/users/erin")
                .then()
                .body("displayName", equalTo("Erin"))
                .body("role", equalTo("announcer"));
    }

    @Test
    void aTokenActsWithItsRoleUnderItsNameUntilRevoked() {
        String token = admin().contentType("application/json")
                .body(Map.of("name", "ops-bot", "role", "admin"))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .header("Cache-Control", containsString("no-store"))
                .body("name", equalTo("ops-bot"))
                .body("role", equalTo("admin"))
                .extract()
                .path("token");
        String list = admin().contentType("application/json")
                .body(Map.of("name", "list-bot", "role", "announcer"))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        admin().when()
                .get("/api/tokens")
                .then()
                .statusCode(200)
                .body("name", hasItem("ops-bot"))
                .body("find { it.name == 'ops-bot' }.token", nullValue())
                .body("find { it.name == 'list-bot' }.role", equalTo("announcer"));

        host(given().header("Authorization", "Bearer " + token), "by-token.people.test", 201);
        admin().queryParam("subject", "by-token.people.test")
                .when()
                .get("/api/audit")
                .then()
                .body("items[0].actor", equalTo("token:ops-bot"));
        given().header("Authorization", "Bearer " + list)
                .when()
                .get("/api/announcements")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + list)
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(403);

        admin().when().delete("/api/tokens/ops-bot").then().statusCode(204);
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer upt_made-up")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(401);
        admin().when().delete("/api/tokens/ops-bot").then().statusCode(404);
        admin().contentType("application/json")
                .body(Map.of("name", "list-bot", "role", "announcer"))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(409);
    }
}
