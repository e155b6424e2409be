package org.upgradeplanner.window;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.upgradeplanner.support.Api.admin;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlannerResourceTest {

    @Test
    void proposalsCoverEveryOutageHostWithinThePolicy() {
        List<Map<String, Object>> proposals = admin().when()
                .post("/api/planner/proposals")
                .then()
                .statusCode(200)
                .body("size()", greaterThan(0))
                .body("state", everyItem(equalTo("DRAFT")))
                .extract()
                .path("$");
        Set<Object> proposedIds = new HashSet<>();
        proposals.forEach(p -> proposedIds.add(p.get("id")));

        List<String> outage = admin().queryParam("classification", "OUTAGE_REQUIRED")
                .queryParam("size", 500)
                .when()
                .get("/api/hosts")
                .then()
                .extract()
                .path("items.hostname");
        Set<String> planned = new HashSet<>();
        for (String state : List.of("DRAFT", "SCHEDULED", "ANNOUNCED", "IN_PROGRESS")) {
            List<List<String>> hosts = admin().queryParam("state", state)
                    .when()
                    .get("/api/windows")
                    .then()
                    .extract()
                    .path("hosts");
            hosts.forEach(planned::addAll);
        }
        assertTrue(planned.containsAll(outage), "every outage-required host is in a window");

        List<Object> breachingProposals = admin().when()
                .get("/api/windows/conflicts")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.severity == 'ERROR' }.windowId");
        breachingProposals.retainAll(proposedIds);
        assertEquals(List.of(), breachingProposals, "the checker finds nothing wrong with the plan");

        admin().when().post("/api/planner/proposals").then().statusCode(200).body("$", hasSize(0));
        Map<String, Object> first = proposals.get(0);
        admin().when()
                .get("/api/windows/" + first.get("id"))
                .then()
                .body("description", org.hamcrest.Matchers.startsWith("Planned upgrades:"));
    }
}
