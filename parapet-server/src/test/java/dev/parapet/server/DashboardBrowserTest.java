package dev.parapet.server;

import dev.parapet.demo.LoopbackHttpServer;
import dev.parapet.store.StoreLocation;
import dev.parapet.testkit.fixtures.HeadersFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): sign in with a key,
 * start a scan of a fixture on 127.0.0.1, watch the page follow it to completion, open the report, see the score
 * chart. On CI ({@code CI} set) a missing browser fails the test; elsewhere it is skipped with the reason.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @Test
    void signsInStartsAScanWatchesItCompleteOpensTheReportAndSeesTheChart() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver)");
        }
        assertThat(present).as("CI needs %s and %s (apt-get install chromium chromium-driver)", CHROMIUM,
                CHROMEDRIVER).isTrue();

        StoreLocation db = StoreLocation.of("jdbc:h2:mem:browser-" + Ids.next() + ";DB_CLOSE_DELAY=-1", "--db");
        try (LoopbackHttpServer fixture = HeadersFixtures.bare();
             ParapetServer server = ParapetServer.start(new ParapetServer.Options("127.0.0.1", 0, db, 1,
                     List.of("127.0.0.1/32"), 200, 400, ApiServerTest.FAST), Duration.ofSeconds(10),
                     Duration.ofMillis(100))) {
            String key = ServerAdmin.open(db).createKey("acme", "admin").key();
            String base = "http://127.0.0.1:" + server.port();

            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1200,1600", "--user-data-dir=" + dir.resolve("profile"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(45));
                driver.get(base + "/");
                assertThat(driver.getCurrentUrl()).isEqualTo(base + "/login");
                driver.findElement(By.id("key")).sendKeys(key);
                driver.findElement(By.id("sign-in")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-scan")));
                assertThat(driver.manage().getCookieNamed(Dashboard.SESSION_COOKIE).isHttpOnly()).isTrue();

                driver.findElement(By.id("target")).sendKeys(fixture.uri().toString());
                driver.findElement(By.id("start")).click();
                wait.until(ExpectedConditions.urlMatches("/scans/[0-9a-f]{24}$"));
                wait.until(ExpectedConditions.textToBe(By.id("status"), "completed"));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-report")));
                String grade = driver.findElement(By.id("grade")).getText();
                assertThat(grade).matches("[A-F]");
                assertThat(driver.findElement(By.id("report")).getTagName()).isEqualTo("iframe");

                driver.findElement(By.id("open-report")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grade")));
                assertThat(driver.findElement(By.id("grade")).getText()).isEqualTo(grade);

                driver.navigate().back();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Score over time"))).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg#score-chart")));
                assertThat(driver.findElements(By.cssSelector("svg#score-chart circle.point"))).hasSize(1);

                driver.get(base + "/keys");
                assertThat(driver.findElement(By.id("keys")).getText()).contains(key.substring(0, 11));
                assertThat(driver.getPageSource()).doesNotContain(key);
            } finally {
                driver.quit();
            }
        }
    }
}
