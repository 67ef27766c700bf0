package io.heddle.dashboard;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for the browser tests and the screenshot, driven by Debian's chromedriver. Both paths are
 * given explicitly, so Selenium Manager never runs and nothing is downloaded. Override them with the system properties
 * {@code heddle.dashboard.chromium} and {@code webdriver.chrome.driver}.
 */
final class Browser {

    static final String CHROMIUM = System.getProperty("heddle.dashboard.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

    private Browser() {}

    /**
     * Starts a headless Chromium whose page is {@code width} x {@code height} CSS pixels at a device scale of 1, so a
     * screenshot has exactly that size. Quit it when done.
     */
    static ChromeDriver start(int width, int height) {
        File driver = new File(CHROMEDRIVER);
        File chromium = new File(CHROMIUM);
        if (!driver.canExecute() || !chromium.canExecute()) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "); install them with: apt-get install chromium chromium-driver");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver)
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=" + width + "," + height, "--force-device-scale-factor=1",
                        "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--lang=en-GB");
        ChromeDriver chrome = new ChromeDriver(service, options);
        try {
            chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            // --window-size sizes the window, not the page: headless Chromium keeps room for its (absent) toolbars.
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", false));
        } catch (RuntimeException e) {
            chrome.quit();
            throw e;
        }
        return chrome;
    }
}
