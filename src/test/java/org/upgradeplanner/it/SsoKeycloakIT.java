package org.upgradeplanner.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Single sign-on against a real Keycloak (src/test/keycloak: the zip from Maven Central, the realm imported afresh)
 * and the packaged application: bearer tokens from Keycloak's token endpoint on the API, roles from its groups, the
 * audit log naming the person, a disabled person refused at once, and a browser signing in through Keycloak's own
 * login page.
 */
class SsoKeycloakIT {

    private static final Path SCRIPT = Path.of("src/test/keycloak/keycloak.sh");
    private static final Path REALM = Path.of("src/test/keycloak/planner-realm.json");

    private static int keycloakPort;
    private static ForkedInstance app;

    @BeforeAll
    static void start() throws Exception {
        keycloakPort = freePort();
        run(SCRIPT.toString(), "start", Integer.toString(keycloakPort), REALM.toString());
        String db = ForkedInstance.dbKind().equals("h2")
                ? ForkedInstance.h2Url("sso-" + System.nanoTime())
                : ForkedInstance.sharedDatabase();
        app = ForkedInstance.start(
                "sso",
                db,
                ForkedInstance.env(
                        "PLANNER_OIDC_ENABLED", "true",
                        "PLANNER_OIDC_PROVIDER_NAME", "Keycloak",
                        "PLANNER_OIDC_ROLES_ADMIN", "infra-root",
                        "PLANNER_OIDC_ROLES_VIEWER", "infra-viewers",
                        "PLANNER_OIDC_ROLES_ANNOUNCER", "list-announcers",
                        "QUARKUS_OIDC_AUTH_SERVER_URL", issuer(),
                        "QUARKUS_OIDC_CLIENT_ID", "upgrade-planner",
                        "QUARKUS_OIDC_CREDENTIALS_SECRET", "planner-secret"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        run(SCRIPT.toString(), "stop");
    }

    private static String issuer() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/planner";
    }

    /** An access token from Keycloak's token endpoint (password grant, as a script of the team's would). */
    private static String token(String user) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "upgrade-planner")
                .formParam("client_secret", "planner-secret")
                .formParam("username", user)
                .formParam("password", user + "-pw")
                .formParam("scope", "openid")
                .when()
                .post(issuer() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static RequestSpecification bearer(String token) {
        return given().baseUri(app.baseUrl()).header("Authorization", "Bearer " + token);
    }

    @Test
    void bearerTokensCarryTheirGroupsRoleAndTheAuditLogNamesThePerson() {
        String alice = token("alice");
        bearer(alice)
                .contentType("application/json")
                .body(Map.of("hostname", "by-sso.example.test"))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(201);
        app.api()
                .queryParam("subject", "by-sso.example.test")
                .when()
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("items[0].actor", equalTo("alice"))
                .body("items[0].actorName", equalTo("Alice Root"))
                .body("items[0].actorSubject", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
        app.api().when().get("/api/users/alice").then().statusCode(200).body("source", equalTo("sso"));

        String victor = token("victor");
        bearer(victor).when().get("/api/hosts/by-sso.example.test").then().statusCode(200);
        bearer(victor)
                .contentType("application/json")
                .body(Map.of("hostname", "by-viewer.example.test"))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(403);
        bearer(token("nobody")).when().get("/api/hosts").then().statusCode(401);
        bearer("not-a-jwt").when().get("/api/hosts").then().statusCode(401);

        // Disabled here, the same person's valid token is refused at once; enabled again, it works.
        app.api()
                .contentType("application/json")
                .body(Map.of("enabled", false))
                .when()
                .put("/api/users/alice")
                .then()
                .statusCode(200);
        bearer(alice).when().get("/api/hosts").then().statusCode(401);
        app.api()
                .contentType("application/json")
                .body(Map.of("enabled", true))
                .when()
                .put("/api/users/alice")
                .then()
                .statusCode(200);
        bearer(alice).when().get("/api/hosts").then().statusCode(200);
    }

    @Test
    void aPersonSignsInThroughKeycloaksLoginPage() throws Exception {
        assumeTrue(Chromium.installed(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        WebDriver driver = Chromium.start();
        try {
            // localhost, not 127.0.0.1: coming back from Keycloak is then a cross-site navigation, as in production.
            driver.get(app.baseUrl().replace("127.0.0.1", "localhost") + "/hosts");
            assertTrue(
                    driver.getCurrentUrl().endsWith("/login"), "a page asks for our login: " + driver.getCurrentUrl());
            driver.findElement(By.id("sso-login")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.id("kc-login")).isEmpty());
            driver.findElement(By.id("username")).sendKeys("bob");
            driver.findElement(By.id("password")).sendKeys("bob-pw");
            driver.findElement(By.id("kc-login")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.getTitle().startsWith("Dashboard"));
            shot(driver, "sso-dashboard");
            assertTrue(driver.getCurrentUrl().endsWith("/"), driver.getCurrentUrl());
            assertTrue(
                    driver.findElement(By.tagName("header"))
                            .getText()
                            .toLowerCase()
                            .contains("bob"),
                    "the dashboard names the signed-in person");
            driver.findElement(By.cssSelector("header form button[type=submit]"))
                    .click();
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().endsWith("/login"));
        } finally {
            driver.quit();
        }
        app.api()
                .queryParam("actor", "bob")
                .when()
                .get("/api/audit")
                .then()
                .body("items[0].action", equalTo("account.create"));
        app.api()
                .when()
                .get("/api/users/bob")
                .then()
                .body("role", equalTo("admin"))
                .body("displayName", equalTo("Bob Root"));
    }

    private static void shot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                dir.resolve(name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
