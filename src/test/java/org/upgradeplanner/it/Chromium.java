package org.upgradeplanner.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through its chromedriver, with a fresh profile and no calls home. */
final class Chromium {

    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    /** Whether Debian's chromium and chromium-driver are installed (.ci/run installs them). */
    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    static WebDriver start() throws java.io.IOException {
        return start(null);
    }

    /** A browser whose clock reads in {@code timeZone} (an IANA name; null: the machine's zone). */
    static WebDriver start(String timeZone) throws java.io.IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService.Builder builder = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile());
        if (timeZone != null) {
            builder.withEnvironment(java.util.Map.of("TZ", timeZone));
        }
        ChromeDriverService service = builder.build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }
}
