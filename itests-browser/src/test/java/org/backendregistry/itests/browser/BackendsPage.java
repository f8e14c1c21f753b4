package org.backendregistry.itests.browser;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What an operator reads and presses on the Backends page; each read finds its cell anew, as the page swaps. */
final class BackendsPage {

    private static final Duration CHANGE = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final String baseUrl;

    BackendsPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Opens the page with the credentials in the address; the browser keeps them for the console's later requests. */
    void openWithCredentials(String user, String password) {
        driver.get(baseUrl.replace("://", "://" + user + ":" + password + "@") + "/system/console/backends");
        waitFor().until(d -> !d.findElements(By.id("backends")).isEmpty());
    }

    void openDetail(String key) {
        driver.findElement(By.cssSelector("#" + rowId(key) + " td.name a")).click();
        waitFor().until(d -> !d.findElements(By.cssSelector("#detail[data-name='" + key + "']")).isEmpty());
    }

    /** @return the text of a cell (name, provider, class, overridden, shadowed, pin) of a name's row */
    String cell(String key, String column) {
        return read(d -> d.findElement(By.cssSelector("#" + rowId(key) + " td." + column)).getText().trim());
    }

    String provider(String key) {
        return cell(key, "provider");
    }

    /** Waits, bounded, until the cell shows {@code expected}. */
    void awaitCell(String key, String column, String expected) {
        waitFor().withMessage(() -> key + " " + column + " is '" + cell(key, column) + "', not '" + expected + "'")
                .until(d -> expected.equals(cell(key, column)));
    }

    /** @return the status column of the detail view's row of the provider from {@code bundle} */
    String statusOf(String bundle) {
        return read(d -> detailRow(bundle).findElement(By.cssSelector("td.status")).getText().trim());
    }

    /** @return the service id of the detail view's row of the provider from {@code bundle} */
    String serviceOf(String bundle) {
        return read(d -> detailRow(bundle).getAttribute("data-service"));
    }

    /** Presses the button labelled {@code label} and waits for the page it leads to. */
    void press(String label) {
        // a click that meets the part being swapped fails before it acts, so it is simply made again
        waitFor().until(d -> {
            d.findElement(By.xpath("//button[normalize-space(.)='" + label + "']")).click();
            return true;
        });
        waitFor().until(d -> !d.findElements(By.id("backends")).isEmpty());
    }

    /**
     * Fills in the Selection form as an operator does, sends it and waits for the page with the selector's answer.
     *
     * @param fields  the text fields to fill in (the others are left empty)
     * @param backend the value of the explicit choice to pick: {@code auto}, a name, or empty
     */
    void select(Map<String, String> fields, String backend) {
        WebElement form = driver.findElement(By.cssSelector("#selection form.selection"));
        fields.forEach((key, value) -> {
            WebElement input = form.findElement(By.name(key));
            input.clear();
            input.sendKeys(value);
        });
        new Select(form.findElement(By.name("backend"))).selectByValue(backend);
        form.findElement(By.xpath(".//button[normalize-space(.)='Select']")).click();
        waitFor().until(ExpectedConditions.stalenessOf(form));
        waitFor().until(d -> !d.findElements(By.cssSelector("#selection p.chosen, #selection p.failure")).isEmpty());
    }

    /** @return the selector's answer as the page shows it: the chosen line or the failure message */
    String selectionAnswer() {
        return driver.findElement(By.cssSelector("#selection p.chosen, #selection p.failure")).getText().trim();
    }

    /** @return the candidates table under the answer: each name with its provider and reasons, in the page's order */
    Map<String, List<String>> candidates() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (WebElement row : driver.findElements(By.cssSelector("#selection table.candidates tbody tr"))) {
            List<String> cells = row.findElements(By.tagName("td")).stream().map(c -> c.getText().trim()).toList();
            rows.put(cells.get(0), cells.subList(1, cells.size()));
        }
        return rows;
    }

    /** @return the value the explicit choice shows after the answer */
    String chosenBackendOption() {
        return new Select(driver.findElement(By.cssSelector("#selection select[name='backend']")))
                .getFirstSelectedOption().getAttribute("value");
    }

    /** @return the header line that names the selector's device */
    String device() {
        return driver.findElement(By.id("device")).getText().trim();
    }

    /** Waits, bounded, until the header names {@code expected} as the selector's device. */
    void awaitDevice(String expected) {
        waitFor().withMessage(() -> "the header is '" + device() + "', not '" + expected + "'")
                .until(d -> expected.equals(device()));
    }

    /** Marks this load of the page, so that {@link #isStillTheSameLoad} tells whether it was reloaded since. */
    void markLoaded() {
        ((JavascriptExecutor) driver).executeScript("window.backendsLoadMark = 'same load';");
    }

    boolean isStillTheSameLoad() {
        return "same load".equals(((JavascriptExecutor) driver).executeScript("return window.backendsLoadMark;"));
    }

    /**
     * Reads from the page; a read that meets the part being swapped (a stale element) is made again on the new
     * part.
     */
    private String read(java.util.function.Function<WebDriver, String> reading) {
        return waitFor().until(reading::apply);
    }

    private WebElement detailRow(String bundle) {
        return driver.findElement(By.xpath("//div[@id='detail']//tr[td[@class='provider']/a[normalize-space(.)='"
                + bundle + "']]"));
    }

    private WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, CHANGE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static String rowId(String key) {
        return "name-" + key.replace(':', '-');
    }
}
