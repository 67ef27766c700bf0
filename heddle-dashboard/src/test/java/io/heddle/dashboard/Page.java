package io.heddle.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' hands and eyes on the dashboard page. The page redraws its panels on every sample (every 100 ms
 * in the tests), so an element found a moment ago may already be replaced: it reads with one script at a time (a
 * script runs between two redraws, never during one), and clicks with the mouse at the place where an element is drawn,
 * as a person would, rather than on an element reference that may be stale by the time WebDriver uses it.
 */
final class Page {

    private final ChromeDriver chrome;
    private final Duration timeout;

    Page(ChromeDriver chrome, Duration timeout) {
        this.chrome = chrome;
        this.timeout = timeout;
    }

    /** Waits for {@code condition} to return something other than null or false; fails saying {@code what}. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(chrome, timeout, Duration.ofMillis(50))
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(ElementClickInterceptedException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            String page = text("body");
            throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "; the actor table shows "
                    + rowNames() + "; the page says: "
                    + (page == null || page.length() <= 4_000 ? page : page.substring(0, 4_000) + "..."), e);
        }
    }

    /** Clicks the middle of the first element {@code css} matches, once there is one, scrolled into view. */
    void click(String what, String css) {
        await("click " + what, d -> {
            @SuppressWarnings("unchecked")
            List<Number> at = (List<Number>) chrome.executeScript("const e = document.querySelector(arguments[0]);"
                    + " if (e === null) return null;"
                    + " e.scrollIntoView({block: 'nearest', inline: 'nearest'});"
                    + " const r = e.getBoundingClientRect();"
                    + " return [Math.round(r.left + Math.min(r.width / 2, 40)), Math.round(r.top + r.height / 2)];",
                    css);
            if (at == null) return null;
            new Actions(chrome).moveToLocation(at.get(0).intValue(), at.get(1).intValue()).click().perform();
            return true;
        });
    }

    /** The visible text of the first element {@code css} matches, trimmed, or null if there is none. */
    String text(String css) {
        return (String) chrome.executeScript("const e = document.querySelector(arguments[0]);"
                + " return e === null ? null : e.innerText.trim();", css);
    }

    /** An attribute of the first element {@code css} matches, or null. */
    String attribute(String css, String attribute) {
        return (String) chrome.executeScript("const e = document.querySelector(arguments[0]);"
                + " return e === null ? null : e.getAttribute(arguments[1]);", css, attribute);
    }

    /** How many elements {@code css} matches. */
    long count(String css) {
        return (Long) chrome.executeScript("return document.querySelectorAll(arguments[0]).length;", css);
    }

    /** The names in the actor table, top to bottom. */
    @SuppressWarnings("unchecked")
    List<String> rowNames() {
        return (List<String>) chrome.executeScript(
                "return [...document.querySelectorAll('#actor-rows tr[data-pid]')].map(r => r.dataset.actorName);");
    }

    /** The text of {@code column} in the row of the actor named {@code actor}, or null if it has no row. */
    String cell(String actor, String column) {
        return text("#actor-rows tr[data-actor-name='" + actor + "'] td[data-col='" + column + "']");
    }
}
