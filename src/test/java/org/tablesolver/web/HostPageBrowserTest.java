package org.tablesolver.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

/**
 * The host's timeline in headless Chromium (Debian's chromium and chromium-driver; {@code .ci/run} installs them):
 * the day renders on the right rows, the list of bookings without tables, a solve, a move by hand, and a change
 * made by another client appearing without a reload.
 */
@DatabaseTest
@Tag("browser")
class HostPageBrowserTest {

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        db.clean();
        assertThat(api.put("/api/restaurants/r1", plan()).status()).isEqualTo(201);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,768");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open() {
        browser.get(api.uri("/index.html").toString());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.setItem('tablesolver.apiKey', arguments[0]);",
                api.key());
        browser.get(api.uri("/?restaurant=r1&date=2026-12-04").toString());
    }

    private WebElement boxOn(String bookingId, String tableId) {
        return wait.until(d -> d.findElements(By.cssSelector("[data-table-id='" + tableId + "'] [data-booking-id='"
                + bookingId + "']")).stream().findFirst().orElse(null));
    }

    private static String tableOf(Api.Response booking) {
        return booking.json().path("tables").get(0).asText();
    }

    @Test
    void theDayRendersSolvesMovesAndFollowsOtherClients() {
        Api.Response seated = api.post("/api/restaurants/r1/bookings", booking("b1", "19:00", 2)
                .put("confirm", true).put("guestName", "Ada"));
        api.post("/api/restaurants/r1/bookings", booking("b2", "19:00", 9));
        api.post("/api/restaurants/r1/bookings", booking("b3", "12:00", 4));
        open();

        WebElement box = boxOn("b1", tableOf(seated));
        assertThat(box.getText()).contains("2").contains("Ada");
        assertThat(box.getAttribute("class")).contains("status-CONFIRMED");
        wait.until(d -> d.findElements(By.cssSelector("[data-unseated-id='b2']")).size() == 1);
        assertThat(browser.findElements(By.cssSelector("[data-table-id]"))).hasSize(4);

        browser.findElement(By.id("solve")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("Committed"));
        String b3Table = tableOf(api.get("/api/restaurants/r1/bookings/b3"));
        assertThat(boxOn("b3", b3Table).getAttribute("class")).contains("changed");
        WebElement unseated = wait.until(d -> d.findElement(By.cssSelector("[data-unseated-id='b2']")));
        assertThat(unseated.getText()).contains("party of 9");

        String target = tableOf(seated).equals("T2") ? "T3" : "T2";
        boxOn("b1", tableOf(seated)).click();
        new Select(wait.until(d -> d.findElement(By.id("move-target")))).selectByValue(target);
        browser.findElement(By.id("action-move")).click();
        boxOn("b1", target);
        assertThat(tableOf(api.get("/api/restaurants/r1/bookings/b1"))).isEqualTo(target);

        // another client confirms a booking: the page shows it within a few seconds, without a reload
        Api.Response other = api.post("/api/restaurants/r1/bookings", booking("b4", "21:30", 2).put("confirm", true));
        assertThat(other.status()).isEqualTo(201);
        boxOn("b4", tableOf(other));
        assertThat(browser.findElements(By.cssSelector("[data-booking-id]")).stream()
                .map(e -> e.getAttribute("data-booking-id")).distinct().toList())
                .containsExactlyInAnyOrder("b1", "b3", "b4");
    }

    @Test
    void aKeyIsAskedForOnceAndKeptForTheSession() {
        browser.get(api.uri("/?restaurant=r1&date=2026-12-04").toString());
        WebElement input = wait.until(d -> d.findElement(By.id("key-input")));
        wait.until(d -> input.isDisplayed());
        input.sendKeys(api.key());
        browser.findElement(By.id("key-save")).click();
        wait.until(d -> d.findElements(By.cssSelector("[data-table-id]")).size() == 4);
        Object kept = ((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('tablesolver.apiKey');");
        assertThat(kept).isEqualTo(api.key());
        assertThat(browser.getCurrentUrl()).doesNotContain(api.key());
        List<WebElement> buttons = browser.findElements(By.cssSelector("header button"));
        assertThat(buttons).allSatisfy(button -> assertThat(button.getText()).isNotBlank());
    }
}
