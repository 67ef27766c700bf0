package io.heddle.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heddle.ActorRef;
import io.heddle.Behaviors;
import io.heddle.ExitReason;
import io.heddle.SpawnOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: headless Debian Chromium, driven by Selenium, against a running system (see
 * {@link Fixture}: a supervisor {@code root} and its child {@code worker}) and its dashboard on a free port of
 * 127.0.0.1, refreshed every 100 ms. Runs in the {@code browser-tests} profile, which is active where
 * {@code /usr/bin/chromedriver} exists.
 *
 * <p>The page redraws on every sample; {@link Page} reads it and clicks it in ways that do not mind.
 */
@Tag("browser")
class DashboardBrowserTest {

    private Fixture fixture;
    private ChromeDriver chrome;
    private Page page;

    @BeforeEach
    void start() {
        fixture = Fixture.start("browser");
        chrome = Browser.start(1400, 900);
        page = new Page(chrome, Duration.ofSeconds(15));
    }

    @AfterEach
    void close() {
        try {
            if (chrome != null) chrome.quit();
        } finally {
            fixture.close();
        }
    }

    @Test
    void theActorsAndTheTreeAreShownAndACrashedWorkersRestartCountGoesFromZeroToOne() {
        ActorRef<Object> first = fixture.worker();
        chrome.get(fixture.dashboard.uriWithToken().toString());

        page.await("the actor table lists root and worker",
                d -> page.rowNames().containsAll(List.of("root", "worker")));
        page.await("the tree shows worker under root", d -> !d.findElements(By.xpath(treeChildXpath("root", "worker")))
                .isEmpty());
        assertEquals(first.pid().toString(), page.cell("worker", "pid"));
        assertEquals("supervisor", page.cell("root", "kind"));
        assertEquals("0", page.cell("worker", "restarts"));
        assertEquals("0 / 1000", page.cell("worker", "mailbox"));

        fixture.worker().cast("crash"); // through the system, as a real failure would come

        page.await("the worker's restart count goes from 0 to 1",
                d -> "1".equals(page.cell("worker", "restarts")));
        assertNotEquals(first.pid().toString(), page.cell("worker", "pid"), "the row shows the new incarnation");
        assertEquals(fixture.worker().pid().toString(), page.cell("worker", "pid"));
        page.await("the tree marks the restart and still shows worker under root", d -> !d.findElements(
                By.xpath(treeChildXpath("root", "worker") + "[@data-restarts='1']")).isEmpty());
        assertEquals("pong", fixture.ping(), "the restarted worker works");
    }

    @Test
    void clickingAColumnHeaderSortsTheTable() {
        for (String name : List.of("charlie", "alpha", "bravo")) {
            fixture.system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named(name));
        }
        chrome.get(fixture.dashboard.uriWithToken().toString());
        page.await("five actors, in pid order at first", d -> page.rowNames().equals(
                List.of("root", "worker", "charlie", "alpha", "bravo")));

        page.click("the Name header", "#actors th[data-sort='name']");
        page.await("sorted by name, A to Z",
                d -> page.rowNames().equals(List.of("alpha", "bravo", "charlie", "root", "worker")));
        assertEquals("asc", chrome.findElement(By.cssSelector("#actors th[data-sort='name']")).getDomAttribute(
                "data-dir"));
        page.click("the Name header again", "#actors th[data-sort='name']");
        page.await("sorted by name, Z to A",
                d -> page.rowNames().equals(List.of("worker", "root", "charlie", "bravo", "alpha")));

        fixture.worker().cast("crash");
        page.await("the worker restarted", d -> "1".equals(page.cell("worker", "restarts")));
        page.click("the Restarts header", "#actors th[data-sort='restarts']");
        page.await("the most restarted first, then ties in pid order", d -> page.rowNames().equals(
                List.of("worker", "root", "charlie", "alpha", "bravo")));
        assertEquals("desc", chrome.findElement(By.cssSelector("#actors th[data-sort='restarts']")).getDomAttribute(
                "data-dir"));
    }

    @Test
    void clickingAnActorShowsItsDetailsAndStopWithTheTokenStopsIt() throws Exception {
        ActorRef<String> loner = fixture.system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("loner"));
        ActorRef<Object> worker = fixture.worker();
        chrome.get(fixture.dashboard.uriWithToken().toString());
        page.await("the page is live", d -> page.rowNames().contains("loner"));
        assertFalse(chrome.getCurrentUrl().contains("token="), "the page takes the token out of the address bar");
        assertEquals("token \u2713", chrome.findElement(By.id("token-button")).getText());

        page.click("the worker's row", row("worker"));
        page.await("the details of the worker", d -> worker.toString().equals(page.text("#details .title")));
        assertEquals(worker.pid().toString(), page.text("#details dd[data-field='pid']"));
        assertEquals("worker", page.text("#details dd[data-field='child id']"));
        assertEquals(fixture.supervisor.ref().toString(), page.text("#details dd[data-field='parent']"));
        assertEquals(fixture.supervisor.ref().toString(), page.text("#details dd[data-field='links']"),
                "a supervisor links its children");
        assertEquals("0", page.text("#details dd[data-field='restarts']"));

        page.click("the loner's node in the tree", "#tree .node[data-actor-name='loner']");
        page.await("the details of the loner", d -> loner.toString().equals(page.text("#details .title")));
        assertEquals("\u2014 (top level)", page.text("#details dd[data-field='parent']"));

        chrome.findElement(By.id("stop-actor")).click(); // the buttons are never redrawn: a plain click
        Alert confirm = new WebDriverWait(chrome, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
        assertEquals("Stop " + loner + "?", confirm.getText());
        confirm.accept();

        page.await("the server accepted the stop",
                d -> "true".equals(page.attribute("#action-result", "data-ok")));
        assertTrue(page.text("#action-result").startsWith("asked " + loner + " to stop"), page.text("#action-result"));
        assertEquals(ExitReason.SHUTDOWN, loner.termination().get(10, TimeUnit.SECONDS));
        page.await("the loner leaves the table and the tree", d -> !page.rowNames().contains("loner")
                && d.findElements(By.cssSelector("#tree .node[data-actor-name='loner']")).isEmpty());
        assertEquals("That actor has stopped.", page.text("#details"));
        assertTrue(worker.isAlive(), "nothing else was stopped");
    }

    @Test
    void withoutTheTokenThePageCannotStopAnActor() {
        ActorRef<String> loner = fixture.system.spawn((ctx, m) -> Behaviors.same(), SpawnOptions.named("loner"));
        chrome.get(fixture.dashboard.uri().toString());
        page.await("the page is live", d -> page.rowNames().contains("loner"));
        assertEquals("enter token", chrome.findElement(By.id("token-button")).getText());

        page.click("the loner's row", row("loner"));
        page.await("the details of the loner", d -> loner.toString().equals(page.text("#details .title")));
        chrome.findElement(By.id("stop-actor")).click(); // the buttons are never redrawn: a plain click
        WebDriverWait alerts = new WebDriverWait(chrome, Duration.ofSeconds(10));
        alerts.until(ExpectedConditions.alertIsPresent()).accept();  // "Stop loner<...>?"
        Alert prompt = alerts.until(ExpectedConditions.alertIsPresent());
        assertTrue(prompt.getText().startsWith("Dashboard token"), prompt.getText());
        prompt.dismiss();                                             // no token: the request goes without one

        page.await("the server's refusal is shown",
                d -> "false".equals(page.attribute("#action-result", "data-ok")));
        String result = page.text("#action-result");
        assertTrue(result.startsWith("403: ") && result.contains("X-Heddle-Token header, and this request has none"),
                result);
        assertTrue(loner.isAlive(), "refused, so still running");
        page.await("and still listed", d -> page.rowNames().contains("loner"));
    }

    /** The tree node of {@code child}, directly under the node of {@code parent}. */
    private static String treeChildXpath(String parent, String child) {
        return "//div[@id='tree']//li[div[@data-actor-name='" + parent + "']]/ul/li/div[@data-actor-name='" + child
                + "']";
    }

    private static String row(String name) {
        return "#actor-rows tr[data-actor-name='" + name + "']";
    }
}
