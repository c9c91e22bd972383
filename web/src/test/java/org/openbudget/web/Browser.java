package org.openbudget.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' harness: headless Chromium (Debian's chromium and chromium-driver; a test is skipped when they are
 * absent), a page's elements waited for, clicks that wait for the next page, screenshots to target/screenshots (and to
 * -Dscreenshots.dir, e.g. docs/screenshots).
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private String base = "http://localhost";

    Browser() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1700", "--lang=zh-CN");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** The server's port (known once the test's server is up). */
    Browser at(int port) {
        base = "http://localhost:" + port;
        return this;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @Override
    public void close() {
        driver.quit();
    }

    String url(String path) { return base + path; }

    void open(String path) { driver.get(url(path)); }

    WebElement el(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /**
     * The page's text. A page that replaces itself (the batch page follows its job by reloading) may do so between
     * finding its body and reading it: then the new page's body is read.
     */
    String text() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) throw e;
            }
        }
    }

    void type(String css, String text) {
        WebElement e = el(css);
        e.clear();
        e.sendKeys(text);
    }

    void select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(el(css)).selectByValue(value);
    }

    void shot(String name) throws java.io.IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), png);
        String extra = System.getProperty("screenshots.dir");
        if (extra != null && !extra.isBlank()) {
            Files.createDirectories(Path.of(extra));
            Files.write(Path.of(extra).resolve(name + ".png"), png);
        }
    }

    void login(String user, String password) {
        open("/login");
        el("#username").sendKeys(user);
        el("#password").sendKeys(password);
        clickAndWait(driver.findElement(By.cssSelector("form.card button[type=submit]")));
    }

    void logout() {
        clickAndWait(driver.findElement(By.cssSelector("header.site form button")));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("logout"));
    }

    /** Clicks the element of this id and waits until the next page has replaced this one. */
    void press(String id) {
        clickAndWait(driver.findElement(By.id(id)));
    }

    /** Clicks the submit button of the form posting to this action path and waits for the next page. */
    void submit(String action) {
        clickAndWait(el("form[action='" + action + "'] button[type=submit]"));
    }

    void clickAndWait(WebElement e) {
        WebElement page = driver.findElement(By.tagName("html"));
        e.click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> gone(page));
        el("main");
    }

    /**
     * The old page is gone: stale — or, caught mid-navigation, Chrome says its node "does not belong
     * to the document" (a plain WebDriverException, which ExpectedConditions.stalenessOf does not expect).
     */
    static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return true;
            throw e;
        }
    }
}
