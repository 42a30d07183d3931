package org.instaclone.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (both installed by {@code .ci/run}):
 * explicit paths for both, so Selenium Manager never looks for or downloads a browser or driver. A
 * fresh profile per run; screenshots go to {@code system-tests/target/screenshots}.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = System.getProperty("instaclone.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final Path profile;

	private final Path screenshots;

	private Browser(ChromeDriver driver, Path profile, Path screenshots) {
		this.driver = driver;
		this.profile = profile;
		this.screenshots = screenshots;
	}

	static Browser start(Path screenshots) throws IOException {
		assertThat(Path.of(CHROMIUM)).as("Chromium (apt-get install chromium-driver, as .ci/run does)").isExecutable();
		assertThat(Path.of(CHROMEDRIVER)).as("chromedriver (apt-get install chromium-driver, as .ci/run does)")
			.isExecutable();
		Path profile = Files.createTempDirectory("instaclone-chromium-");
		Files.createDirectories(screenshots);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(20));
		return new Browser(driver, profile, screenshots);
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String url) {
		this.driver.get(url);
	}

	/** Sets location.hash, which the web client routes on. */
	void go(String hash) {
		script("location.hash = arguments[0]", hash);
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	WebElement visible(String css, Duration timeout) {
		return new WebDriverWait(this.driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	WebElement visible(String css) {
		return visible(css, Duration.ofSeconds(20));
	}

	WebElement clickable(String css) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
	}

	void type(String css, String text) {
		WebElement input = visible(css);
		input.clear();
		input.sendKeys(text);
	}

	/** Waits until the condition holds (not null, not false); fails with the message otherwise. */
	<T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
		try {
			return new WebDriverWait(this.driver, timeout, Duration.ofMillis(250)).withMessage(what).until(condition);
		}
		catch (TimeoutException ex) {
			try {
				ex.addInfo("screenshot", screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-")).toString());
			}
			catch (IOException | RuntimeException screenshotFailed) {
				ex.addSuppressed(screenshotFailed);
			}
			throw ex;
		}
	}

	Object script(String source, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(source, arguments);
	}

	void windowSize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** A PNG of the viewport as target/screenshots/{name}.png. */
	Path screenshot(String name) throws IOException {
		File png = this.driver.getScreenshotAs(OutputType.FILE);
		Path target = this.screenshots.resolve(name + ".png");
		Files.move(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		return target;
	}

	/** The browser console since the last call (errors, CSP violations, warnings). */
	List<String> console() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}
}
