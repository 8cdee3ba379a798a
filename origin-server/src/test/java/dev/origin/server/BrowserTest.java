package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser (Debian's chromium and chromedriver, headless; one browser for the class):
 * sign in, open a part and see the failing requirement, flip a material in the what-if panel and see the verdict
 * change, run a simulation and see its chart drawn. Skipped, saying why, where no browser is installed.
 * With {@code -Dorigin.screenshots=DIR} it saves screenshots of the main pages there (docs/screenshots).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static Fixture f;
    static WebDriver browser;
    static Path home;
    static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(DRIVER) && (Files.isExecutable(Path.of("/usr/bin/chromium")) || Files.isExecutable(Path.of("/usr/bin/chromium-browser"))),
                "no browser: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver) to run the browser tests");
        f = new Fixture();
        home = Files.createTempDirectory("origin-chromium");
        downloads = Files.createTempDirectory("origin-downloads");
        ChromeOptions o = new ChromeOptions();
        o.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + home, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (f != null) f.close();
    }

    static WebDriverWait waiting(int seconds) {
        WebDriverWait w = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    static void shot(String name) throws Exception {
        String dir = System.getProperty("origin.screenshots");
        if (dir == null || dir.isBlank()) return;
        Object height = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, Math.min(2400, Math.max(900, ((Number) height).intValue()))));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of(dir));
        Files.write(Path.of(dir, name + ".png"), png);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test @Order(1)
    void signIn() throws Exception {
        browser.get(f.url("/catalog"));
        assertThat(browser.getCurrentUrl()).contains("/login");
        shot("web-login");
        browser.findElement(By.id("name")).sendKeys("anna");
        browser.findElement(By.id("password")).sendKeys(Fixture.PASSWORD);
        browser.findElement(By.id("signin")).click();
        waiting(10).until(d -> d.getCurrentUrl().endsWith("/catalog"));
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).contains("anna").contains("analyst");
        shot("web-catalog");
    }

    @Test @Order(2)
    void aPartShowsItsFailingRequirement() throws Exception {
        browser.findElement(By.linkText(Fixture.SAMPLE_GOOD)).click();
        WebElement verdict = waiting(10).until(d -> d.findElement(By.cssSelector("section.result .verdict")));
        assertThat(verdict.getAttribute("data-verdict")).isEqualTo("NON_ORIGINATING");
        List<WebElement> failing = browser.findElements(By.cssSelector("table.requirements tr.notmet"));
        assertThat(failing).isNotEmpty();
        assertThat(failing.get(0).getText()).contains("rvc");
        assertThat(browser.findElements(By.cssSelector("ul.tree li.path"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("ul.tree li.path .cite")).getText()).isNotBlank();
        shot("web-part");
    }

    @Test @Order(3)
    void flippingAMaterialInTheWhatIfPanelChangesTheVerdict() throws Exception {
        browser.get(f.url("/qualify?example=passenger-vehicle.json"));
        new Select(browser.findElement(By.id("regime"))).selectByVisibleText("usmca");
        browser.findElement(By.id("run")).click();
        WebElement verdict = waiting(15).until(d -> d.findElement(By.cssSelector("#results section.result .verdict")));
        assertThat(verdict.getAttribute("data-verdict")).isEqualTo("ORIGINATING");
        String rvc = browser.findElement(By.id("rvc")).getText();
        assertThat(rvc).startsWith("75.9");
        // other parts (US$2,000, originating) bought from outside the region: VNM rises by 2,000, the RVC falls below 75 %
        // (the engine would not do: a core part counts as wholly originating by its own RVC under the roll-up)
        new Select(browser.findElement(By.cssSelector("form.whatif select[name='m.11.origin']"))).selectByVisibleText("non-originating");
        waiting(15).until(d -> "NON_ORIGINATING".equals(d.findElement(By.cssSelector("#results section.result .verdict")).getAttribute("data-verdict")));
        assertThat(browser.findElement(By.id("rvc")).getText()).startsWith("67.3118"); // (23250 - 7600) / 23250
        assertThat(browser.findElement(By.id("duty")).getText()).isEqualTo("640.00");
        assertThat(browser.findElement(By.cssSelector("#results .notice")).getText()).contains("other-parts origin").contains("Before: originating");
        shot("web-qualify-what-if");
        // and back: the panel keeps the changed values, so setting the origin back restores the verdict
        new Select(browser.findElement(By.cssSelector("form.whatif select[name='m.11.origin']"))).selectByVisibleText("originating");
        waiting(15).until(d -> "ORIGINATING".equals(d.findElement(By.cssSelector("#results section.result .verdict")).getAttribute("data-verdict")));
    }

    @Test @Order(4)
    void aSimulationDrawsItsCharts() throws Exception {
        browser.get(f.url("/simulate"));
        for (WebElement box : browser.findElements(By.cssSelector("input[name='regimes']"))) {
            String v = box.getAttribute("value");
            if (box.isSelected() != (v.equals("nafta") || v.equals("usmca") || v.equals("us-proposal-2017"))) box.click();
        }
        // with a few Monte Carlo draws (the intervals) and a threshold sweep of three points
        WebElement draws = browser.findElement(By.cssSelector("input[name='draws']"));
        draws.clear();
        draws.sendKeys("3");
        new Select(browser.findElement(By.cssSelector("select[name='sweepPack']"))).selectByVisibleText("us-proposal-2017");
        for (String[] field : new String[][] {{"sweepFrom", "60"}, {"sweepTo", "70"}, {"sweepStep", "5"}}) {
            WebElement in = browser.findElement(By.cssSelector("input[name='" + field[0] + "']"));
            in.clear();
            in.sendKeys(field[1]);
        }
        browser.findElement(By.id("simulate")).click();
        waiting(180).until(d -> !d.findElements(By.cssSelector("canvas#chart-choices[data-rendered='true']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("table.comparison th")).stream().map(WebElement::getText).toList()).contains("nafta", "usmca");
        Object bars = ((JavascriptExecutor) browser).executeScript(
                "var c = document.getElementById('chart-choices').chart; return c.data.datasets.length * c.data.labels.length;");
        assertThat(((Number) bars).intValue()).isEqualTo(9);
        assertThat(browser.findElements(By.cssSelector("canvas#chart-backtest[data-rendered='true']"))).isNotEmpty();
        // the sweep's chart has its three thresholds; each interval chart a 5th-95th range and a point per regime
        Object thresholds = ((JavascriptExecutor) browser).executeScript("return document.getElementById('chart-sweep').chart.data.labels.length;");
        assertThat(((Number) thresholds).intValue()).isEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("canvas[id^='chart-interval-'][data-rendered='true']"))).isNotEmpty();
        Object ranges = ((JavascriptExecutor) browser).executeScript(
                "var c = document.getElementById('chart-interval-0').chart; return [c.data.datasets.length, c.data.datasets[0].data.length];");
        assertThat(((List<?>) ranges).stream().map(n -> ((Number) n).intValue()).toList()).containsExactly(2, 3);
        shot("web-simulator");
    }

    @Test @Order(5)
    void theComparisonOfRegimes() throws Exception {
        browser.get(f.url("/compare?example=passenger-vehicle.json"));
        browser.findElement(By.id("run")).click();
        waiting(30).until(d -> !d.findElements(By.cssSelector("table.compare")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("table.compare")).getText()).contains("nafta").contains("canada-proposal-2018");
        shot("web-compare");
    }

    @Test @Order(6)
    void aCertificateIsIssuedAndDownloaded() throws Exception {
        // the good must have a stored originating determination, and the producer must be a party of the workspace
        assertThat(f.send("POST", "/api/parts/SUS-700/determinations?regime=usmca", f.analystToken, null, null).statusCode()).isEqualTo(201);
        assertThat(f.send("PUT", "/api/parties/SAL-PLANT", f.analystToken, "application/json",
                "{\"name\": \"Saltillo Suspension Works\", \"address\": \"Blvd. Industrial 100, Saltillo\", \"country\": \"MX\"}").statusCode()).isEqualTo(200);
        browser.get(f.url("/certificates"));
        new Select(browser.findElement(By.id("cert-good"))).selectByVisibleText("SUS-700");
        browser.findElement(By.id("cert-producer")).sendKeys("SAL-PLANT");
        browser.findElement(By.id("cert-signer")).sendKeys("Ana Ruiz");
        shot("web-certificates");
        browser.findElement(By.id("cert-issue")).click();
        Path pdf = waiting(30).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.getFileName().toString()).startsWith("certificate-");
        browser.get(f.url("/certificates"));
        assertThat(browser.findElement(By.cssSelector("table.certificates")).getText()).contains("SUS-700").contains("ISSUED");
    }

    @Test @Order(7)
    void theDeclarationsPageShowsWhatExpiresAndWhoToChase() throws Exception {
        browser.get(f.url("/declarations"));
        assertThat(browser.findElements(By.cssSelector("table.expiring tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("table.chase")).getText()).contains("BRK-FR-100");
        shot("web-declarations");
    }

    @Test @Order(8)
    void aPartPrintsWithoutItsFormsAndWithItsVerdictAndTree() throws Exception {
        browser.get(f.url("/parts/" + Fixture.SAMPLE_GOOD));
        waiting(10).until(d -> d.findElement(By.cssSelector("section.result .verdict")));
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            // origin.css @media print: navigation and forms (the what-if panel) hidden; the verdict, requirements and tree kept
            assertThat(browser.findElement(By.cssSelector("header.top")).isDisplayed()).isFalse();
            assertThat(browser.findElements(By.cssSelector("form"))).isNotEmpty().noneMatch(WebElement::isDisplayed);
            assertThat(browser.findElement(By.cssSelector("section.result .verdict")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("table.requirements")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("ul.tree li.path .cite")).isDisplayed()).isTrue();
            String size = ((JavascriptExecutor) browser).executeScript(
                    "return getComputedStyle(document.body).fontSize;").toString();
            assertThat(Double.parseDouble(size.replace("px", ""))).isGreaterThanOrEqualTo(14.0); // 11 pt
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
        // and Chromium prints it: a PDF of at least one page
        String pdf = chrome.print(new org.openqa.selenium.print.PrintOptions()).getContent();
        byte[] bytes = java.util.Base64.getDecoder().decode(pdf);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }
}
