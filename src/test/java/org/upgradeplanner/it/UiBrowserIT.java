package org.upgradeplanner.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin's day in a real browser (Debian's headless Chromium driven by Selenium) against the packaged application:
 * log in, import, override, plan windows, see a policy breach, cancel, mark a draft sent, log out. Then every page at a
 * phone's width (390 px): nothing wider than the screen, no word broken across lines, its list or form in sight.
 * Screenshots of every page at 1280 and 390 px go to target/screenshots/; with {@code -Dscreenshots=true} to
 * src/docs/screenshots/ (the README's), as {@code page-desktop.png} and {@code page-phone.png}.
 */
class UiBrowserIT {

    private static final Path SHOTS = Boolean.getBoolean("screenshots")
            ? Path.of("src", "docs", "screenshots")
            : Path.of("target", "screenshots");

    private static final int PHONE = 390;
    private static final int DESKTOP = 1280;

    private static WebDriver browser() throws Exception {
        return Chromium.start();
    }

    static void shot(WebDriver driver, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Submits and waits until the next page replaced this one. */
    static void submit(WebDriver driver, String formSelector) {
        click(driver, driver.findElement(By.cssSelector(formSelector + " button[type=submit]")));
    }

    static void click(WebDriver driver, WebElement button) {
        click(driver, button, Duration.ofSeconds(15));
    }

    private static void click(WebDriver driver, WebElement button, Duration wait) {
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, wait).until(d -> gone(page));
    }

    /** Whether the page an element belonged to was replaced (Chromium reports it in one of two ways). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    static String flash(WebDriver driver) {
        return driver.findElement(By.cssSelector(".flash")).getText();
    }

    @Test
    void anAdminsDayInTheBrowser() throws Exception {
        assumeTrue(Chromium.installed(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        String db = ForkedInstance.dbKind().equals("postgresql")
                ? ForkedInstance.sharedDatabase()
                : ForkedInstance.h2Url("ui-" + System.nanoTime());
        Path inventory = Files.createTempFile("ui-fleet", ".yaml");
        Files.writeString(inventory, """
                all:
                  children:
                    forum:
                      hosts:
                        forum.ui.example.org:
                          os: ubuntu-12.04
                          services: [discourse]
                          stateful: true
                          public: true
                          note: "<img src=x onerror=alert(1)>"
                """);
        try (ForkedInstance app = ForkedInstance.start(
                "ui",
                db,
                Map.of(
                        "PLANNER_INVENTORY_PATH",
                        "inventory",
                        "PLANNER_POLICY_MINIMUM_NOTICE",
                        "P7D",
                        "PLANNER_POLICY_MAX_CONCURRENT_WINDOWS",
                        "1"))) {
            WebDriver driver = browser();
            try {
                String base = app.baseUrl();
                driver.get(base + "/");
                assertTrue(driver.getCurrentUrl().endsWith("/login"), driver.getCurrentUrl());
                driver.findElement(By.id("username")).sendKeys("admin");
                driver.findElement(By.id("password")).sendKeys("not-the-password");
                submit(driver, "form[action='/login']");
                assertTrue(driver.getCurrentUrl().endsWith("/login-error"), driver.getCurrentUrl());
                assertTrue(driver.findElement(By.cssSelector("[role=alert]"))
                        .getText()
                        .contains("Wrong user name or password"));
                driver.findElement(By.id("username")).sendKeys("admin");
                driver.findElement(By.id("password")).sendKeys(ForkedInstance.PASSWORD);
                submit(driver, "form[action='/login']");
                assertTrue(driver.getPageSource().contains("hosts past EOL"), driver.getCurrentUrl());

                driver.get(base + "/import");
                driver.findElement(By.id("file"))
                        .sendKeys(inventory.toAbsolutePath().toString());
                WebElement source = driver.findElement(By.id("source"));
                source.clear();
                source.sendKeys("browser-test");
                submit(driver, "form[action='/import']");
                assertTrue(driver.getPageSource().contains("1 added, 0 updated, 0 unchanged, 0 removed"));
                submit(driver, "form[action='/import/apply']");
                assertTrue(flash(driver).startsWith("Imported"), flash(driver));
                driver.get(base + "/hosts?sort=classification");
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                driver.get(base + "/hosts?sort=classification");
                Object overflow = ((JavascriptExecutor) driver)
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertEquals(0L, ((Number) overflow).longValue(), "on a phone the page does not scroll sideways");
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

                driver.get(base + "/hosts/forum.ui.example.org");
                assertTrue(
                        driver.findElement(By.tagName("main")).getText().contains("<img src=x onerror=alert(1)>"),
                        "the variable is shown as text");
                assertThrows(
                        NoAlertPresentException.class, () -> driver.switchTo().alert());
                new Select(driver.findElement(By.id("classification"))).selectByValue("TRIVIAL");
                driver.findElement(By.id("reason")).sendKeys("moving to a hosted forum; nobody will notice");
                submit(driver, "form[action='/hosts/forum.ui.example.org/classification']");
                assertEquals("Override saved: forum.ui.example.org is Trivial.", flash(driver));

                LocalDate day = LocalDate.now().plusDays(60);
                createWindow(driver, base, "Forum upgrade", day + "T20:00", day + "T22:00", "forum.ui.example.org");
                assertTrue(flash(driver).contains("created: Forum upgrade (Scheduled)"), flash(driver));
                // Live feedback: the breach appears beside the field before the form is sent.
                driver.get(base + "/windows");
                driver.findElement(By.id("title")).sendKeys("Clashing window");
                setValue(driver, "start", day + "T21:00");
                setValue(driver, "end", day + "T23:00");
                driver.findElement(By.id("hosts")).sendKeys("forum.ui.example.org");
                new WebDriverWait(driver, Duration.ofSeconds(10))
                        .until(d -> d.findElements(By.cssSelector(".live-error")).stream()
                                .anyMatch(e -> e.getText().contains("already in overlapping window")));
                createWindow(driver, base, "Clashing window", day + "T21:00", day + "T23:00", "forum.ui.example.org");
                assertTrue(
                        driver.findElement(By.id("hosts-error"))
                                .getText()
                                .contains("forum.ui.example.org already in overlapping window"),
                        driver.findElement(By.id("hosts-error")).getText());

                driver.get(base + "/announcements");
                WebElement draft = driver.findElement(By.xpath("//article[.//h2[contains(., 'Forum upgrade')]]"));
                click(driver, draft.findElement(By.cssSelector("form button[type=submit]")));
                assertTrue(flash(driver).startsWith("Marked sent: [infra] Forum upgrade"), flash(driver));

                driver.get(base + "/windows");
                WebElement row = driver.findElement(By.xpath("//tr[td[contains(., 'Forum upgrade')]]"));
                row.findElement(By.cssSelector("input[name=reason]")).sendKeys("the forum moves to a hosted service");
                click(driver, row.findElement(By.xpath(".//button[. = 'Cancel window']")));
                assertTrue(flash(driver).endsWith("is now cancelled."), flash(driver));

                theTeamWorksAtOnce(driver, base);

                LocalDate later = day.plusDays(10);
                driver.get(base + "/windows");
                driver.findElement(By.id("title")).sendKeys("Forum database move");
                setValue(driver, "start", later + "T20:00");
                setValue(driver, "end", later + "T23:30");
                driver.findElement(By.id("hosts")).sendKeys("forum.ui.example.org");
                driver.findElement(By.id("description"))
                        .sendKeys(
                                "The forum is read-only while its database moves.\nPosts written meanwhile are kept.");
                submit(driver, "#new-window");
                assertTrue(flash(driver).contains("created: Forum database move (Scheduled)"), flash(driver));
                String edit = driver.findElement(
                                By.xpath("//tr[td[contains(., 'Forum database move')]]//a[. = 'Edit']"))
                        .getAttribute("href");
                everyPageFitsAPhone(driver, base, new String[][] {
                    {"dashboard", "/", ".cards .card"},
                    {"hosts", "/hosts?sort=classification", "table.stack tbody tr"},
                    {"host", "/hosts/forum.ui.example.org", "dl"},
                    {"windows", "/windows", "table.stack tbody tr"},
                    {"window-edit", edit.substring(base.length()), "#edit-window textarea"},
                    {"calendar", "/windows/calendar?month=" + later.toString().substring(0, 7), "table.calendar"},
                    {"import", "/import", "form[action='/import']"},
                    {"announcements", "/announcements", "article.card"},
                    {"audit", "/audit", "table.stack tbody tr"},
                    {"people", "/people", "table.stack tbody tr"},
                    {"account", "/account", "dl"},
                    {"not-found", "/hosts/nowhere.ui.example.org", "[role=alert]"},
                });

                driver.get(base + "/");
                submit(driver, "form[action='/logout']");
                assertTrue(driver.getCurrentUrl().endsWith("/login"), driver.getCurrentUrl());
                driver.get(base + "/hosts");
                assertTrue(driver.getCurrentUrl().endsWith("/login"), "logged out: " + driver.getCurrentUrl());
                everyPageFitsAPhone(driver, base, new String[][] {
                    {"login", "/login", "form[action='/login']"},
                    {"outages", "/outages", "article"},
                    {"unknown-path", "/no/such/page", "[role=alert]"},
                });
                aReaderElsewhereSeesTheirOwnTime(driver, base);
            } finally {
                driver.quit();
            }
        }
    }

    /**
     * The admin adds a second admin and a viewer on the People page; each signs in in a browser of their own, the
     * second admin overrides a host while the viewer reads it without the form, and the audit log tells them apart.
     */
    private static void theTeamWorksAtOnce(WebDriver admin, String base) throws Exception {
        admin.get(base + "/people");
        for (String[] p : new String[][] {{"carol", "Carol Admin", "admin"}, {"vera", "Vera Viewer", "viewer"}}) {
            admin.findElement(By.id("username")).sendKeys(p[0]);
            admin.findElement(By.id("displayName")).sendKeys(p[1]);
            new Select(admin.findElement(By.id("role"))).selectByValue(p[2]);
            admin.findElement(By.id("password")).sendKeys(p[0] + " passphrase");
            submit(admin, "#add-person");
            assertTrue(flash(admin).startsWith("Added " + p[0]), flash(admin));
        }
        WebDriver carol = Chromium.start();
        WebDriver vera = Chromium.start();
        try {
            for (WebDriver d : new WebDriver[] {carol, vera}) {
                String user = d == carol ? "carol" : "vera";
                d.get(base + "/login");
                d.findElement(By.id("username")).sendKeys(user);
                d.findElement(By.id("password")).sendKeys(user + " passphrase");
                submit(d, "form[action='/login']");
                assertTrue(d.findElement(By.tagName("header"))
                        .getText()
                        .contains(user.equals("carol") ? "Carol Admin" : "Vera Viewer"));
            }
            carol.get(base + "/hosts/forum.ui.example.org");
            new Select(carol.findElement(By.id("classification"))).selectByValue("OUTAGE_REQUIRED");
            carol.findElement(By.id("reason")).sendKeys("carol checked the forum's database");
            submit(carol, "form[action='/hosts/forum.ui.example.org/classification']");
            vera.get(base + "/hosts/forum.ui.example.org");
            assertTrue(vera.findElements(By.id("reason")).isEmpty(), "a viewer gets no override form");
            assertTrue(vera.getPageSource().contains("Carol Admin (carol)"), "the last change names Carol");
        } finally {
            carol.quit();
            vera.quit();
        }
        admin.get(base + "/audit?actor=carol");
        String log = admin.findElement(By.tagName("table")).getText();
        assertTrue(log.contains("Carol Admin (carol)") && log.contains("Classification overridden"), log);
        admin.get(base + "/audit?actor=admin");
        assertTrue(
                !admin.findElement(By.tagName("table")).getText().contains("carol checked"),
                "admin's entries are admin's");
    }

    /**
     * Real files, uploaded and applied through the import page: each inventory of {@code inventory/} (3 to 5 KB, over the
     * 2 KB a form field took before), then a generated fleet of 10,000 hosts. The file waits on the server between the
     * preview and "apply"; the form carries only its id.
     */
    @Test
    void realInventoriesImportFromTheBrowser() throws Exception {
        assumeTrue(Chromium.installed(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        String db = ForkedInstance.freshDatabase("ui_import_" + System.nanoTime());
        Path generated = Path.of("target", "ui-10000-hosts.yaml").toAbsolutePath();
        Process gen = new ProcessBuilder(
                        "python3", "bench/gen_inventory.py", "--hosts", "10000", "--seed", "7", "--prefix", "uiimport")
                .redirectOutput(generated.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertEquals(0, gen.waitFor(), "bench/gen_inventory.py");
        java.util.List<Path> files = new java.util.ArrayList<>();
        try (var listing = Files.list(Path.of("inventory"))) {
            listing.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> files.add(f.toAbsolutePath()));
        }
        files.add(generated);
        try (ForkedInstance app = ForkedInstance.start("ui-import", db, Map.of())) {
            WebDriver driver = browser();
            try {
                String base = app.baseUrl();
                driver.get(base + "/login");
                driver.findElement(By.id("username")).sendKeys("admin");
                driver.findElement(By.id("password")).sendKeys(ForkedInstance.PASSWORD);
                submit(driver, "form[action='/login']");
                long total = 0;
                for (Path file : files) {
                    driver.get(base + "/import");
                    driver.findElement(By.id("file")).sendKeys(file.toString());
                    WebElement source = driver.findElement(By.id("source"));
                    source.clear();
                    source.sendKeys("browser-" + file.getFileName());
                    click(
                            driver,
                            driver.findElement(By.cssSelector("form[action='/import'] button[type=submit]")),
                            Duration.ofSeconds(120));
                    var counts = java.util.regex.Pattern.compile("(\\d+) added, 0 updated, 0 unchanged, 0 removed")
                            .matcher(driver.findElement(By.tagName("main")).getText());
                    assertTrue(
                            counts.find(),
                            file + ": "
                                    + driver.findElement(By.tagName("main"))
                                            .getText()
                                            .lines()
                                            .limit(3)
                                            .toList());
                    long hosts = Long.parseLong(counts.group(1));
                    assertTrue(hosts > 0, file + " lists hosts");
                    if (file.equals(generated)) {
                        assertEquals(10_000, hosts);
                    }
                    assertTrue(
                            driver.findElements(By.cssSelector("form[action='/import/apply'] textarea"))
                                    .isEmpty(),
                            "the file does not travel back through the form");
                    click(
                            driver,
                            driver.findElement(By.cssSelector("form[action='/import/apply'] button[type=submit]")),
                            Duration.ofSeconds(120));
                    assertTrue(flash(driver).contains(hosts + " added"), file + ": " + flash(driver));
                    total += hosts;
                }
                int stored = app.api()
                        .queryParam("size", 1)
                        .when()
                        .get("/api/hosts")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("total");
                assertEquals(total, stored, "every uploaded host is stored");
            } finally {
                driver.quit();
            }
        } finally {
            ForkedInstance.dropDatabase(db);
        }
    }

    /**
     * What breaks a page on a phone, found by the browser that lays it out: the document wider than the screen, a cell
     * or card whose content sticks out of it, a word split over two lines although it fits on one (the way
     * "UP_TO_DATE" became "UP_ TO_ DAT E"). Breaks at spaces, hyphens, slashes and commas are fine.
     */
    private static final String LAYOUT_PROBLEMS = """
            const problems = [];
            const doc = document.documentElement;
            if (doc.scrollWidth > doc.clientWidth) {
              problems.push(`the page is ${doc.scrollWidth}px wide on a ${doc.clientWidth}px screen`);
              // Name the innermost elements that stick out, to say what to fix.
              document.querySelectorAll("body *").forEach((e) => {
                const out = (x) => x.getBoundingClientRect().right > doc.clientWidth + 0.5;
                if (out(e) && ![...e.children].some(out) && !e.closest(".skip")) {
                  problems.push(`${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className ? "." + e.className : ""} ends at ${Math.round(e.getBoundingClientRect().right)}px`);
                }
              });
            }
            const blockOf = (e) => {
              while (e && getComputedStyle(e).display.startsWith("inline")) e = e.parentElement;
              return e;
            };
            document.querySelectorAll("main td, main th, main .card, main article, main dd").forEach((cell) => {
              if (!cell.closest("thead") && cell.getClientRects().length && cell.scrollWidth > cell.clientWidth + 1) {
                problems.push(`${cell.tagName} sticks out (${cell.scrollWidth} > ${cell.clientWidth}): ${cell.textContent.trim().slice(0, 60)}`);
              }
            });
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const parent = node.parentElement;
              if (!parent || parent.closest("svg, script, style, textarea, select, option, thead, .skip")) continue;
              for (const m of node.data.matchAll(/[^\\s\\-\\u2013\\u2014\\/,·]+/g)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const rects = [...range.getClientRects()].filter((r) => r.width > 0);
                const lines = new Set(rects.map((r) => Math.round(r.top)));
                if (lines.size > 1) {
                  const width = rects.reduce((sum, r) => sum + r.width, 0);
                  const room = blockOf(parent).clientWidth;
                  if (width <= room) {
                    problems.push(`"${m[0]}" is broken over ${lines.size} lines (${Math.round(width)}px in ${room}px)`);
                  }
                }
              }
            }
            return problems;
            """;

    /**
     * Each page at a phone's width: no layout problem, its main list or form in sight (a list of table rows as cards);
     * then a screenshot of it at the phone's and a desktop's width.
     */
    static void everyPageFitsAPhone(WebDriver driver, String base, String[][] pages) throws Exception {
        java.util.List<String> failures = new java.util.ArrayList<>();
        try {
            for (String[] page : pages) {
                String name = page[0];
                size(driver, PHONE, 844);
                driver.get(base + page[1]);
                Object width = ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
                assertEquals(PHONE, ((Number) width).intValue(), "the phone's screen width");
                @SuppressWarnings("unchecked")
                java.util.List<String> problems =
                        (java.util.List<String>) ((JavascriptExecutor) driver).executeScript(LAYOUT_PROBLEMS);
                problems.forEach(p -> failures.add(name + " (" + page[1] + ") at " + PHONE + " px: " + p));
                WebElement main = driver.findElement(By.cssSelector(page[2]));
                if (!main.isDisplayed()
                        || main.getRect().getWidth() == 0
                        || main.getRect().getX() >= PHONE) {
                    failures.add(name + ": " + page[2] + " is not in sight");
                }
                if (page[2].startsWith("table.stack")
                        && !main.getCssValue("display").equals("block")) {
                    failures.add(name + ": on a phone each row of " + page[2] + " is a card, not "
                            + main.getCssValue("display"));
                }
                fullPageShot(driver, name + "-phone", PHONE);
                size(driver, DESKTOP, 1000);
                driver.get(base + page[1]);
                fullPageShot(driver, name + "-desktop", DESKTOP);
            }
        } finally {
            size(driver, DESKTOP, 1000);
        }
        assertEquals(java.util.List.of(), failures, "every page fits a phone");
    }

    private static void size(WebDriver driver, int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** The whole page (up to 3,000 px tall), not just what the window shows. */
    private static void fullPageShot(WebDriver driver, String name, int width) throws Exception {
        // The window is taller than the page it shows by the browser's own bars.
        Object height = ((JavascriptExecutor) driver)
                .executeScript(
                        "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight;");
        size(driver, width, Math.min(3000, Math.max(600, ((Number) height).intValue())));
        shot(driver, name);
    }

    /**
     * Times are written in UTC; a browser in another zone adds its own time beside each (local-time.js), one in UTC
     * adds nothing.
     */
    private static void aReaderElsewhereSeesTheirOwnTime(WebDriver utc, String base) throws Exception {
        utc.get(base + "/outages");
        // This test's window: on PostgreSQL the database is shared with other ITs' windows.
        By ours = By.xpath("//article[.//a[contains(@href, 'forum.ui.example.org')]]");
        String upcoming =
                utc.findElement(ours).findElement(By.cssSelector(".range")).getText();
        assertTrue(upcoming.endsWith("20:00 – 23:30 UTC"), upcoming);
        Object zone =
                ((JavascriptExecutor) utc).executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone;");
        if ("UTC".equals(zone) || "Etc/UTC".equals(zone)) {
            assertTrue(utc.findElements(By.cssSelector(".local-time")).isEmpty(), "nothing added in UTC");
        }
        WebDriver berlin = Chromium.start("Europe/Berlin");
        try {
            berlin.get(base + "/outages");
            WebElement article = berlin.findElement(ours);
            String local = article.findElement(By.cssSelector(".local-time")).getText();
            assertTrue(
                    (local.contains("21:00") || local.contains("9:00 PM"))
                            && (local.contains("GMT+1") || local.contains("CET")),
                    "Berlin is an hour ahead in winter, in the browser's own words: " + local);
            assertTrue(article.getText().contains("20:00 – 23:30 UTC"), "the UTC time stays: " + article.getText());
        } finally {
            berlin.quit();
        }
    }

    /** Sets a field the way a picker would, with the input event a user's change fires. */
    private static void setValue(WebDriver driver, String id, String value) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                        driver.findElement(By.id(id)),
                        value);
    }

    private static void createWindow(
            WebDriver driver, String base, String title, String start, String end, String hosts) {
        driver.get(base + "/windows");
        driver.findElement(By.id("title")).sendKeys(title);
        // datetime-local fields take typed keys in the browser's locale format; set the value the way a picker would
        setValue(driver, "start", start);
        setValue(driver, "end", end);
        driver.findElement(By.id("hosts")).sendKeys(hosts);
        submit(driver, "#new-window");
    }
}
