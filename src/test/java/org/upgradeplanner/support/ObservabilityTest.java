package org.upgradeplanner.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObservabilityTest {

    @Test
    void readinessChecksTheDatabase() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void prometheusMetricsAndOpenApiArePublished() {
        given().when().get("/q/metrics").then().statusCode(401);
        given().when().get("/q/openapi").then().statusCode(401);
        Api.announcer().when().get("/q/metrics").then().statusCode(403);
        Api.admin().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        Api.admin().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/hosts"));
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        Api.admin().when().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
