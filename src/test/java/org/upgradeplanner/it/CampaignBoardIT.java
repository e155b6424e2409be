package org.upgradeplanner.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.upgradeplanner.it.UiBrowserIT.click;
import static org.upgradeplanner.it.UiBrowserIT.flash;
import static org.upgradeplanner.it.UiBrowserIT.submit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The replacement sprint in real browsers against the packaged application and the sample inventory: the admin opens
 * a campaign from the form, two people claim hosts from the board in browsers of their own, the pool rule refuses the
 * last logstash worker, a re-import of the inventory verifies a replaced host, the person filter and "my work" show
 * each their own, the board fits a phone, and closing writes the summary.
 */
class CampaignBoardIT {

    private static final String WORKER = "logstash-worker0%d.openstack.org";

    private static void signIn(WebDriver d, String base, String user, String password) {
        d.get(base + "/login");
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        submit(d, "form[action='/login']");
    }

    /** Presses a card's button (the first form for that host and action: "my work" or the column). */
    private static String press(WebDriver d, String base, long id, String host, String action) {
        d.get(base + "/campaigns/" + id);
        WebElement form =
                d.findElement(By.cssSelector("form[action='/campaigns/" + id + "/items/" + host + "/" + action + "']"));
        click(d, form.findElement(By.cssSelector("button[type=submit]")));
        return flash(d);
    }

    private static String column(WebDriver d, String state) {
        return d.findElement(By.id("column-" + state)).getText();
    }

    @Test
    void twoPeopleRunASprintOnTheBoard() throws Exception {
        assumeTrue(Chromium.installed(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        String db = ForkedInstance.freshDatabase("ui_campaign_" + System.nanoTime());
        try (ForkedInstance app = ForkedInstance.start(
                "campaign",
                db,
                Map.of("PLANNER_INVENTORY_PATH", "inventory", "PLANNER_TARGET_RELEASE_UBUNTU", "14.04"))) {
            String base = app.baseUrl();
            for (String user : List.of("alice", "bob")) {
                app.api()
                        .contentType("application/json")
                        .body(Map.of(
                                "username",
                                user,
                                "displayName",
                                user.toUpperCase(),
                                "role",
                                "admin",
                                "password",
                                user + " passphrase"))
                        .when()
                        .post("/api/users")
                        .then()
                        .statusCode(201);
            }
            WebDriver admin = Chromium.start();
            WebDriver alice = Chromium.start();
            WebDriver bob = Chromium.start();
            try {
                signIn(admin, base, "admin", ForkedInstance.PASSWORD);
                admin.get(base + "/campaigns");
                admin.findElement(By.id("name")).sendKeys("Logging on trusty");
                admin.findElement(By.id("targets")).sendKeys("ubuntu 14.04");
                admin.findElement(By.id("groups")).sendKeys("logging");
                String day = LocalDate.now().plusDays(10).toString();
                admin.findElement(By.id("sprintDays")).sendKeys(day);
                submit(admin, "#new-campaign");
                assertTrue(flash(admin).startsWith("Campaign Logging on trusty opened with"), flash(admin));
                long id = Long.parseLong(admin.getCurrentUrl().replaceAll(".*/campaigns/(\\d+).*", "$1"));
                assertTrue(column(admin, "TODO").contains(WORKER.formatted(6)), column(admin, "TODO"));

                signIn(alice, base, "alice", "alice passphrase");
                signIn(bob, base, "bob", "bob passphrase");
                for (int i = 1; i <= 3; i++) {
                    String said = press(alice, base, id, WORKER.formatted(i), "claim");
                    assertEquals(WORKER.formatted(i) + " is now claimed.", said);
                }
                for (int i = 4; i <= 5; i++) {
                    press(bob, base, id, WORKER.formatted(i), "claim");
                }
                String refused = press(bob, base, id, WORKER.formatted(6), "claim");
                assertTrue(refused.contains("logstash-worker would lose its last provider"), refused);
                assertTrue(column(bob, "TODO").contains(WORKER.formatted(6)), "still to do");

                alice.get(base + "/campaigns/" + id);
                String mine = alice.findElement(By.cssSelector("ul.mine")).getText();
                assertTrue(mine.contains(WORKER.formatted(1)) && !mine.contains(WORKER.formatted(4)), mine);
                press(alice, base, id, WORKER.formatted(1), "replaced");
                assertTrue(column(alice, "REPLACED").contains(WORKER.formatted(1)), column(alice, "REPLACED"));

                // the inventory says the replacement runs trusty: verified, by nobody's word
                String ops = Files.readString(Path.of("inventory", "ops.yaml"))
                        .replace(
                                "    " + WORKER.formatted(1) + ":\n",
                                "    " + WORKER.formatted(1) + ":\n              os: ubuntu-14.04\n");
                app.api()
                        .contentType("application/yaml")
                        .body(ops.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .queryParam("source", "inventory/ops.yaml")
                        .when()
                        .post("/api/inventory/import")
                        .then()
                        .statusCode(200);
                alice.get(base + "/campaigns/" + id);
                assertTrue(column(alice, "VERIFIED").contains(WORKER.formatted(1)), column(alice, "VERIFIED"));

                admin.get(base + "/");
                String dashboard = admin.findElement(By.tagName("main")).getText();
                assertTrue(dashboard.matches("(?s).*Logging on trusty: \\d+ of \\d+ hosts left.*"), dashboard);

                bob.get(base + "/campaigns/" + id + "?assignee=bob");
                String bobs = column(bob, "CLAIMED");
                assertTrue(bobs.contains(WORKER.formatted(4)) && !bobs.contains(WORKER.formatted(2)), bobs);

                UiBrowserIT.everyPageFitsAPhone(admin, base, new String[][] {
                    {"campaigns", "/campaigns", "table.stack tbody tr"},
                    {"campaign-board", "/campaigns/" + id, ".board .column"},
                });
                admin.get(base + "/outages");
                assertTrue(
                        admin.findElement(By.id("sprint-" + id)).getText().contains(day), "the sprint day is public");

                admin.get(base + "/campaigns/" + id);
                submit(admin, "form[action='/campaigns/" + id + "/close']");
                assertTrue(flash(admin).startsWith("Campaign Logging on trusty closed"), flash(admin));
                admin.get(base + "/announcements");
                String drafts = admin.findElement(By.tagName("main")).getText();
                assertTrue(drafts.contains("Campaign closed: Logging on trusty"), drafts);
                assertTrue(drafts.contains("Replacement sprint: Logging on trusty"), drafts);
            } finally {
                admin.quit();
                alice.quit();
                bob.quit();
            }
        } finally {
            ForkedInstance.dropDatabase(db);
        }
    }
}
