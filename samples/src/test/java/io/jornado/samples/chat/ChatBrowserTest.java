package io.jornado.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jornado.testing.AsyncHttpTestCase;
import io.jornado.web.Application;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page in two headless Chromium windows: each joins with a nickname, and a message typed in
 * one shows up, escaped, in both. Skipped when Chromium or its driver is not installed.
 */
class ChatBrowserTest extends AsyncHttpTestCase {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final List<Path> profiles = new ArrayList<>();

  @Override
  protected Application getApp() {
    return Chat.makeApp();
  }

  @Test
  void aMessageTypedInOnePageAppearsInBoth() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver"
            + " (apt-get install chromium chromium-driver)");
    WebDriver alice = null;
    WebDriver bob = null;
    try {
      alice = startBrowser();
      bob = startBrowser();
      join(alice, "alice");
      join(bob, "bob");

      String body = "hello <b>bob</b> & caf\u00e9";
      WebElement input = alice.findElement(By.id("body"));
      input.sendKeys(body);
      input.sendKeys(Keys.ENTER);

      for (WebDriver page : List.of(alice, bob)) {
        new WebDriverWait(page, WAIT).until(
            ExpectedConditions.numberOfElementsToBe(By.cssSelector("#messages .message"), 1));
        WebElement message = page.findElement(By.cssSelector("#messages .message"));
        assertEquals("alice", message.findElement(By.className("nick")).getText());
        assertEquals(body, message.findElement(By.className("body")).getText(), "shown as typed, not as HTML");
        assertEquals(0, message.findElements(By.tagName("b")).size());
      }
      assertEquals("", alice.findElement(By.id("body")).getAttribute("value"), "the input is cleared after sending");

      // And back the other way.
      WebElement bobInput = bob.findElement(By.id("body"));
      bobInput.sendKeys("hi alice");
      bob.findElement(By.id("send")).click();
      for (WebDriver page : List.of(alice, bob)) {
        new WebDriverWait(page, WAIT).until(
            ExpectedConditions.numberOfElementsToBe(By.cssSelector("#messages .message"), 2));
        List<WebElement> messages = page.findElements(By.cssSelector("#messages .message"));
        assertEquals("bob", messages.get(1).findElement(By.className("nick")).getText());
        assertEquals("hi alice", messages.get(1).findElement(By.className("body")).getText());
      }
    } finally {
      quit(alice);
      quit(bob);
      for (Path profile : profiles) {
        deleteTree(profile);
      }
    }
  }

  private void join(WebDriver page, String nick) {
    page.get(getUrl("/"));
    WebElement nickInput = new WebDriverWait(page, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("nick")));
    nickInput.sendKeys(nick);
    page.findElement(By.id("join-button")).click();
    new WebDriverWait(page, WAIT).until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Connected as " + nick));
  }

  private WebDriver startBrowser() throws IOException {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("chromium-profile-");
    profiles.add(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    return driver;
  }

  private static void quit(WebDriver driver) {
    if (driver != null) {
      try {
        driver.quit();
      } catch (RuntimeException e) {
        // Keep going: the other browser and the profiles still need cleaning up.
        System.err.println("ChatBrowserTest: quitting a browser failed: " + e);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
