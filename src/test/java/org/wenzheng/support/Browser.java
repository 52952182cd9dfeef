package org.wenzheng.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Debian Chromium ({@code /usr/bin/chromium}, or {@code WENZHENG_CHROMIUM}) driven by Playwright. The test
 * script installs the browser; Playwright's own browser download is switched off. Screenshots are kept under
 * target/screenshots as test artifacts. A test class registers one for all its tests
 * ({@code @RegisterExtension static final Browser browser = new Browser();}), and it is closed after them.
 */
public final class Browser implements AutoCloseable, AfterAllCallback {

  public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;

  public Browser() {
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    String executable = System.getenv().getOrDefault("WENZHENG_CHROMIUM", "/usr/bin/chromium");
    if (!Files.isExecutable(Paths.get(executable))) {
      throw new IllegalStateException(executable + " not found: install Debian's chromium (see .ci/run)");
    }
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(Paths.get(executable))
        .setHeadless(true)
        // As root in a sandbox-less container, and without reaching out to Google's services.
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
  }

  /** A fresh browser profile (no cookies), phone-sized when asked. */
  public Page page(boolean phone) {
    return page(phone, "zh-CN");
  }

  /** A fresh browser profile whose user prefers the given language (e.g. {@code en-US}). */
  public Page page(boolean phone, String locale) {
    NewContextOptions options = new NewContextOptions().setLocale(locale).setTimezoneId("Asia/Shanghai");
    if (phone) {
      options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);
    } else {
      options.setViewportSize(1366, 900);
    }
    BrowserContext context = browser.newContext(options);
    context.setDefaultTimeout(20_000);
    return context.newPage();
  }

  /** Logs this demo user (password "demo") in to the Camunda webapp at {@code appUrl} on the page. */
  public static void logIn(Page page, String appUrl, String user) {
    page.navigate(appUrl);
    page.locator("input[type=text]").first().fill(user);
    page.locator("input[type=password]").first().fill("demo");
    page.locator("button[type=submit]").first().click();
  }

  /** A fresh desk-sized page in Tasklist, logged in as this demo user, whose browser prefers {@code locale}. */
  public Page tasklist(int port, String user, String locale) {
    Page page = page(false, locale);
    logIn(page, "http://localhost:" + port + "/camunda/app/tasklist/default/", user);
    PlaywrightAssertions.assertThat(page.getByText("本部门待办").first())
        .isVisible();
    return page;
  }

  /** A desk-sized page for a member of staff, who logs in with HTTP Basic (demo password). */
  public Page staffPage(String user) {
    BrowserContext context = browser.newContext(new NewContextOptions().setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setViewportSize(1366, 900).setAcceptDownloads(true)
        .setHttpCredentials(user, "demo"));
    context.setDefaultTimeout(20_000);
    return context.newPage();
  }

  /**
   * The Latin words (two letters or more) on the visible part of the page, except the allowed ones: what a Chinese
   * reader would meet in a language they may not read.
   */
  public static List<String> latinWords(Page page, Set<String> allowed) {
    return latinWords((String) page.evaluate("() => document.body.innerText"), allowed);
  }

  /**
   * The Latin words (two letters or more) of a text, except the allowed ones. Letters inside a run of letters and
   * digits are not a word: ids such as {@code 00VcQzZG3to5...} show on Cockpit's pages.
   */
  public static List<String> latinWords(String text, Set<String> allowed) {
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])").matcher(text);
    while (m.find()) {
      if (!allowed.contains(m.group()) && !words.contains(m.group())) {
        words.add(m.group());
      }
    }
    return words;
  }

  public static void screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
