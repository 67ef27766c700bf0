package io.heddle.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every panel of the page fills in on a busy system ({@link DemoShop}), in a real browser. With the system property
 * {@value #SCREENSHOT_PROPERTY} set to a file, it also waits for a few restarts and a starvation event, and writes a
 * screenshot there: the one in the README and {@code docs/dashboard.md}, made with
 *
 * <pre>
 * ./mvnw -pl heddle-dashboard verify -Dtest=BusySystemPageTest \
 *        -Dheddle.dashboard.screenshot=$PWD/docs/images/dashboard.png
 * </pre>
 */
@Tag("browser")
class BusySystemPageTest {

    static final String SCREENSHOT_PROPERTY = "heddle.dashboard.screenshot";

    @Test
    void everyPanelFillsInOnABusySystem() throws IOException {
        String screenshot = System.getProperty(SCREENSHOT_PROPERTY, "");
        try (DemoShop shop = DemoShop.start("shop");
             Dashboard dashboard = Dashboard.start(shop.system, DashboardOptions.defaults().port(0)
                     .refreshInterval(Duration.ofMillis(500)))) {
            ChromeDriver chrome = Browser.start(1600, 1000);
            try {
                Page page = new Page(chrome, Duration.ofSeconds(20));
                chrome.get(dashboard.uriWithToken().toString());
                page.await("the tree four levels deep: shop, frontend, sessions, a session", d -> !d.findElements(
                        treePath("shop", "frontend", "sessions", "session-ada")).isEmpty());
                page.await("the pool's tree", d -> !d.findElements(
                        treePath("thumbnails", "thumbnails-workers", "thumbnails-3")).isEmpty());
                page.await("the pool's four workers in the table", d -> page.count("#actor-rows"
                        + " tr[data-actor-name^='thumbnails-']:not([data-actor-name='thumbnails-workers'])") == 4);
                page.await("a busy actor's message rate", d -> number(page, "checkout", "rate") > 0);
                page.await("a handler latency", d -> String.valueOf(page.cell("payments", "latency"))
                        .matches("[0-9.]+ (\u00B5s|ms)"));
                page.await("payments restarted after a crash", d -> number(page, "payments", "restarts") >= 1);
                page.await("dead letters dropped by the mailer's full mailbox",
                        d -> page.count("#dead-letters li[data-reason='DROPPED']") > 0);
                page.await("dead letters to the expired session",
                        d -> page.count("#dead-letters li[data-reason='RECIPIENT_STOPPED']") > 0);
                page.await("a blocked worker event",
                        d -> page.count("#scheduling-events li[data-type='BlockedWorker']") > 0);
                page.await("links between supervisors and children", d -> page.count("#graph path[data-link]") >= 20);
                page.await("audit's monitor of payments", d -> page.count("#graph path[data-monitor]") == 1);
                page.await("one row per actor", d -> (Boolean) chrome.executeScript(
                        "return document.getElementById('stat-actors').textContent"
                                + " == document.querySelectorAll('#actor-rows tr[data-pid]').length;"));

                page.click("the routers tab", "#routers-tab");
                String pool = "#router-rows tr[data-router-name='thumbnails']";
                page.await("the pool in the routers panel with its four workers", d -> page.count(pool
                        + " td[data-col='routees'] .chip[data-pid]") == 4);
                assertEquals("RoundRobin", page.text(pool + " td[data-col='strategy']"));
                assertEquals("pool", page.text(pool + " td[data-col='source']"));
                assertTrue(page.text(pool + " td[data-col='name']").startsWith("thumbnails<"),
                        page.text(pool + " td[data-col='name']"));
                page.await("the pool's size and its minimum and maximum", d -> "4 (4\u20134)"
                        .equals(page.text(pool + " td[data-col='size']")));
                page.await("the pool's routees by name, each with its mailbox", d -> (Boolean) chrome.executeScript(
                        "const chips = [...document.querySelectorAll(arguments[0])];"
                                + " return chips.length === 4 && chips.every(c => /^thumbnails-\\d+\\u2709\\d+$/"
                                + ".test(c.innerText.replace(/\\s/g, '')));",
                        pool + " td[data-col='routees'] .chip[data-pid]"));
                page.click("a worker of the pool", pool + " td[data-col='routees'] .chip[data-pid]");
                page.await("the details of the pool's worker", d -> String.valueOf(page.text("#details .title"))
                        .startsWith("thumbnails-"));
                page.await("the selected routee marked", d -> page.count(pool + " .chip.selected") == 1);
                page.click("the links & monitors tab", "#graph-tab");
                page.await("the graph back", d -> page.count("#graph path[data-link]") >= 20);

                page.click("payments in the tree", "#tree .node[data-actor-name='payments']");
                page.await("the details of payments", d -> String.valueOf(page.text("#details .title"))
                        .startsWith("payments<"));
                assertTrue(page.text("#details dd[data-field='monitored by']").startsWith("audit<"),
                        page.text("#details"));
                assertEquals("handler latency measured", page.text("#stat-latency"));

                if (!screenshot.isEmpty()) writeScreenshot(chrome, page, Path.of(screenshot));
            } finally {
                chrome.quit();
            }
        }
    }

    /** Lets the shop run into a realistic state, then takes the picture: busiest actors first, payments selected. */
    private static void writeScreenshot(ChromeDriver chrome, Page page, Path file) throws IOException {
        page.await("a few restarts", d -> number(page, "payments", "restarts") >= 3);
        page.await("a starvation event", d -> page.count("#scheduling-events li[data-type='Starvation']") > 0);
        page.click("the Msg/s header", "#actors th[data-sort='rate']");
        page.click("payments in the tree", "#tree .node[data-actor-name='payments']");
        chrome.executeScript("document.querySelectorAll('.body').forEach(b => b.scrollTop = 0);"
                + " document.activeElement.blur();");
        // A report runs now and then (400 ms every 3 s): catch a sample that shows one, to fill that column.
        page.await("an actor handling a message",
                d -> page.count("#actor-rows td[data-col='current']:not(:empty)") > 0);
        byte[] png = chrome.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(file.toAbsolutePath().getParent());
        writeCompressed(png, file);
        System.out.println("Wrote the dashboard's screenshot to " + file.toAbsolutePath() + " ("
                + Files.size(file) / 1024 + " KB)");
    }

    /** Re-encodes Chromium's PNG with the strongest compression, without alpha: about a fifth smaller. */
    private static void writeCompressed(byte[] png, Path file) throws IOException {
        BufferedImage source = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(source, 0, 0, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (OutputStream out = Files.newOutputStream(file);
             ImageOutputStream image = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0f);
            writer.setOutput(image);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** The tree node of the last of {@code names}, each under the one before, the first at the top level. */
    private static By treePath(String... names) {
        StringBuilder xpath = new StringBuilder("//div[@id='tree']/ul/li");
        for (int i = 0; i < names.length - 1; i++) {
            xpath.append("[div[@data-actor-name='").append(names[i]).append("']]/ul/li");
        }
        return By.xpath(xpath.append("/div[@data-actor-name='").append(names[names.length - 1]).append("']")
                .toString());
    }

    /** A number in the table (a rate, a count), or -1 if the cell is missing or shows none. */
    private static double number(Page page, String actor, String column) {
        String cell = page.cell(actor, column);
        try {
            return cell == null ? -1 : Double.parseDouble(cell.replace(",", ""));
        } catch (NumberFormatException none) {
            return -1;
        }
    }
}
