package dev.parapet.report;

import dev.parapet.model.Finding;
import dev.parapet.model.ScanReport;
import dev.parapet.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the HTML report in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) and checks what
 * a reader sees. On CI ({@code CI} set) a missing browser fails the test, so the check cannot silently vanish;
 * elsewhere it is skipped with the reason. Leaves a screenshot in {@code target/html-report.png}.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @Test
    void showsTheGradeAndFindingsOpensExchangesOnClickAndFiltersTheFindings() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver)");
        }
        assertThat(present).as("CI needs %s and %s (apt-get install chromium chromium-driver)", CHROMIUM,
                CHROMEDRIVER).isTrue();

        ScanReport report = ReportFixtures.full();
        Path page = dir.resolve("report.html");
        Reports.write(ReportFormat.HTML, report, RenderOptions.plain(), page);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1200,1600", "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(page.toUri().toString());
            assertThat(driver.findElement(By.id("grade")).getText()).isEqualTo(report.score().grade().name());
            assertThat(driver.findElement(By.id("score")).getText()).isEqualTo(report.score().score() + "/100");
            Finding first = report.findings().getFirst();
            WebElement article = driver.findElement(By.id("f-" + first.fingerprint()));
            assertThat(article.findElement(By.className("title")).getText()).isEqualTo(first.title());

            WebElement details = driver.findElement(By.id("x-" + first.fingerprint()))
                    .findElement(By.cssSelector("details.exchange"));
            WebElement request = details.findElement(By.tagName("pre"));
            assertThat(details.getDomProperty("open")).isEqualTo("false");
            assertThat(request.isDisplayed()).isFalse();
            details.findElement(By.tagName("summary")).click();
            assertThat(details.getDomProperty("open")).isEqualTo("true");
            assertThat(request.isDisplayed()).isTrue();
            assertThat(request.getText()).startsWith("GET " + first.exchanges().getFirst().request().uri());

            // the findings index filters: unticking a severity hides its findings in the index and the details
            List<Finding> low = report.findings().stream().filter(f -> f.severity() == Severity.LOW).toList();
            assertThat(low).isNotEmpty();
            WebElement lowArticle = driver.findElement(By.id("f-" + low.getFirst().fingerprint()));
            WebElement lowRow = driver.findElement(By.cssSelector("#findings-index tr[data-severity=low]"));
            assertThat(lowRow.isDisplayed()).isTrue();
            WebElement lowBox = driver.findElement(By.cssSelector("input.filter[data-kind=severity][value=low]"));
            driver.executeScript("arguments[0].scrollIntoView()", lowBox);
            lowBox.click();
            assertThat(lowRow.isDisplayed()).isFalse();
            assertThat(lowArticle.isDisplayed()).isFalse();
            assertThat(article.isDisplayed()).isTrue();
            int total = report.findings().size();
            assertThat(driver.findElement(By.id("filter-count")).getText())
                    .isEqualTo((total - low.size()) + " of " + total + " findings shown");
            WebElement category = driver.findElement(By.cssSelector("input.filter[data-kind=category][value="
                    + first.category().id() + "]"));
            category.click();
            assertThat(article.isDisplayed()).isFalse();
            category.click();
            lowBox.click();
            assertThat(lowRow.isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("filter-count")).getText())
                    .isEqualTo(total + " of " + total + " findings shown");

            driver.executeScript("window.scrollTo(0, 0)");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target/html-report.png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(target)).isPositive();
        } finally {
            driver.quit();
        }
    }
}
