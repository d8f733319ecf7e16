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
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) throws java.io.IOException {
        if (browser == null) {
            return;
        }
        try {
            java.nio.file.Path shots = java.nio.file.Path.of("target", "browser");
            java.nio.file.Files.createDirectories(shots);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(shots.resolve(test.getTestMethod().orElseThrow().getName() + ".png"), png);
            // Script errors only: a refused request also shows as a console line "Failed to load resource ... 409",
            // which is the refusal the test asked for, not a fault of the page.
            List<String> errors = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                    .stream().filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                    .map(org.openqa.selenium.logging.LogEntry::getMessage)
                    .filter(message -> !message.contains("Failed to load resource"))
                    .toList();
            assertThat(errors).as("errors in the browser console").isEmpty();
        } finally {
            browser.quit();
        }
    }

    /** Drags a booking's box onto another table's row at the same time, with the browser's drag-and-drop events. */
    private void drag(String bookingId, String fromTable, String toTable) {
        ((JavascriptExecutor) browser).executeScript("""
                const box = document.querySelector(`[data-table-id='${arguments[1]}'] [data-booking-id='${arguments[0]}']`);
                const row = document.querySelector(`[data-table-id='${arguments[2]}']`);
                const transfer = new DataTransfer();
                box.dispatchEvent(new DragEvent('dragstart', {dataTransfer: transfer, bubbles: true}));
                const at = {dataTransfer: transfer, bubbles: true, cancelable: true,
                            clientX: box.getBoundingClientRect().left + 1,
                            clientY: row.getBoundingClientRect().top + 5};
                row.dispatchEvent(new DragEvent('dragover', at));
                row.dispatchEvent(new DragEvent('drop', at));
                """, bookingId, fromTable, toTable);
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
        // The page re-renders when the change feed brings the solve's changes: click the box as it is then.
        String seatedTable = tableOf(seated);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            boxOn("b1", seatedTable).click();
            return true;
        });
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

    @Test
    void theDemoDayRendersEveryBookingOnItsTablesAndDragsMoveOrAreRefused() throws Exception {
        String demo = new String(getClass().getResourceAsStream("/demo/seed-day.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(api.post("/api/import", demo).status()).isEqualTo(200);
        assertThat(api.post("/api/restaurants/cafe-3/days/2026-12-04/solve", parse("{\"config\": \"default\"}"))
                .status()).isEqualTo(200);
        browser.get(api.uri("/index.html").toString());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.setItem('tablesolver.apiKey', arguments[0]);",
                api.key());
        browser.get(api.uri("/?restaurant=cafe-3&date=2026-12-04").toString());
        com.fasterxml.jackson.databind.JsonNode day = api.get("/api/restaurants/cafe-3/days/2026-12-04/plan").json();
        int boxes = 0;
        for (com.fasterxml.jackson.databind.JsonNode booking : day.path("bookings")) {
            for (com.fasterxml.jackson.databind.JsonNode table : booking.path("tables")) {
                boxOn(booking.path("id").asText(), table.asText());
                boxes++;
            }
            if (booking.path("tables").isEmpty()) {
                WebElement unseated = wait.until(d -> d.findElement(By.cssSelector("[data-unseated-id='"
                        + booking.path("id").asText() + "']")));
                assertThat(unseated.getText()).as("the solver's reason").doesNotContain("Not seated yet");
            }
        }
        assertThat(browser.findElements(By.cssSelector("[data-booking-id]"))).hasSize(boxes);

        // a drag onto a taken table is refused visibly and changes nothing
        String id = day.path("bookings").get(0).path("id").asText();
        String from = day.path("bookings").get(0).path("tables").get(0).asText();
        java.util.Map<String, List<String>> before = db.snapshot();
        String taken = null;
        for (com.fasterxml.jackson.databind.JsonNode other : day.path("bookings")) {
            if (!other.path("id").asText().equals(id) && other.path("start").asText()
                    .equals(day.path("bookings").get(0).path("start").asText()) && !other.path("tables").isEmpty()
                    && !other.path("seating").asText().equals(from)) {
                taken = other.path("tables").get(0).asText();
                break;
            }
        }
        assertThat(taken).as("another party starts at the same time").isNotNull();
        drag(id, from, taken);
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("Refused"));
        assertThat(browser.findElement(By.id("status")).getAttribute("class")).contains("error");
        boxOn(id, from);
        assertThat(db.snapshot()).isEqualTo(before);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "browser"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "browser", "demo-day.png"),
                ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    @Test
    void aDragOntoAFreeTableMovesTheBooking() {
        Api.Response booked = api.post("/api/restaurants/r1/bookings", booking("d1", "19:00", 3).put("confirm", true));
        String from = tableOf(booked);
        String to = from.equals("T2") ? "T3" : "T2";
        open();
        boxOn("d1", from);
        drag("d1", from, to);
        boxOn("d1", to);
        assertThat(tableOf(api.get("/api/restaurants/r1/bookings/d1"))).isEqualTo(to);
        assertThat(api.get("/api/restaurants/r1/bookings/d1").json().path("start").asText())
                .as("same time").isEqualTo("2026-12-04T19:00:00");
    }

    @Test
    void aTabletOf1024PixelsShowsTheTimelineAndTheList() {
        api.post("/api/restaurants/r1/bookings", booking("t1", "19:00", 2).put("confirm", true));
        browser.manage().window().setSize(new Dimension(1024, 768));
        open();
        wait.until(d -> d.findElements(By.cssSelector("[data-booking-id='t1']")).size() == 1);
        WebElement list = browser.findElement(By.id("unseated"));
        assertThat(list.getLocation().getX() + list.getSize().getWidth()).isLessThanOrEqualTo(1024);
        assertThat(browser.findElement(By.id("timeline")).getSize().getWidth()).isGreaterThan(500);
    }
}
