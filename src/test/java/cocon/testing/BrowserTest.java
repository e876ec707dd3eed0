package cocon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the whole application on a random port, driven by a headless Chromium through its
 * ChromeDriver, found wherever the system has them ({@code apt-get install chromium chromium-driver} on Debian;
 * {@code .ci/run} installs them). Chromium's headless shell ({@code chromium-headless-shell}, Debian's package of the
 * same name, the same Blink without the browser's window machinery) is taken first when it is there: it does the same
 * pages with less processor (ADR 0077). Every page a test visits passes {@link PageChecks} (axe-core, machine
 * formats), checked after each test.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

	/** How long the driver looks for an element before it says there is none (off in {@link #withoutImplicitWait}). */
	private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(2);

	static final String MISSING = "Les tests dans un navigateur ont besoin de Chromium et de son ChromeDriver, introuvables"
			+ " sur cette machine : installez-les (Debian ou Ubuntu : sudo apt-get install chromium chromium-driver ;"
			+ " macOS : brew install --cask chromium chromedriver) ou donnez leurs chemins par -Dcocon.chromium=…"
			+ " et -Dwebdriver.chrome.driver=… (cherchés : %s).";

	/** Chromium without its window machinery, for automation: Debian's package {@code chromium-headless-shell}. */
	static final String HEADLESS_SHELL = "chromium-headless-shell";

	/**
	 * The headless shell itself, not {@code /usr/bin}'s script that starts it without {@code exec}: ChromeDriver would
	 * end the script at the end of a class and leave the browser running (seen: dozens of them, each drawing its last
	 * page).
	 */
	static final Path DEBIAN_HEADLESS_SHELL = Path.of("/usr/lib/chromium", HEADLESS_SHELL);

	protected static WebDriver driver;

	private static PageChecks checks;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		var chromium = locate("cocon.chromium", "CHROME_BIN", List.of("chromium", "chromium-browser", "google-chrome",
				"google-chrome-stable"), List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/snap/bin/chromium",
				"/Applications/Chromium.app/Contents/MacOS/Chromium",
				"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));
		chromium = preferring(DEBIAN_HEADLESS_SHELL, chromium, "cocon.chromium", "CHROME_BIN");
		var chromedriver = locate("webdriver.chrome.driver", "CHROMEDRIVER", List.of("chromedriver"),
				List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/usr/lib/chromium-browser/chromedriver",
						"/snap/bin/chromium.chromedriver", "/opt/homebrew/bin/chromedriver", "/usr/local/bin/chromedriver"));
		if (chromium.found().isEmpty() || chromedriver.found().isEmpty()) {
			var looked = new ArrayList<String>();
			looked.addAll(chromium.looked());
			looked.addAll(chromedriver.looked());
			throw new IllegalStateException(MISSING.formatted(String.join(", ", looked)));
		}
		var options = new ChromeOptions();
		options.setBinary(chromium.found().get().toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1024", "--lang=fr-FR");
		if (!chromium.found().get().getFileName().toString().equals(HEADLESS_SHELL)) {
			// the headless shell opens no page in a profile it did not create: ChromeDriver makes one, and removes it
			options.addArguments("--user-data-dir=" + Files.createTempDirectory("cocon-chromium"));
		}
		var service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.found().get().toFile())
				.usingAnyFreePort().build();
		var chrome = new ChromeDriver(service, options);
		// axe-core (half a megabyte) evaluated by Chromium in each new document, rather than sent through the driver
		// before each check: the sending took as long as the check itself (about 110 ms a page, measured)
		chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", PageChecks.axeSource()));
		checks = new PageChecks(chrome);
		driver = new EventFiringDecorator<WebDriver>(checks).decorate(chrome);
		driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
	}

	/** Where an executable was found, and every place looked at (for the message when it was not). */
	record Located(Optional<Path> found, List<String> looked) {
	}

	/**
	 * The preferred executable when it is installed and neither the system property nor the environment variable names
	 * one; otherwise what was located.
	 */
	static Located preferring(Path preferred, Located located, String property, String variable) {
		if (System.getProperty(property) == null && System.getenv(variable) == null && Files.isRegularFile(preferred)
				&& Files.isExecutable(preferred)) {
			return new Located(Optional.of(preferred), located.looked());
		}
		return located;
	}

	/** An executable given by a system property, an environment variable, the PATH or a usual place, in that order. */
	static Located locate(String property, String variable, List<String> names, List<String> usual) {
		var candidates = new ArrayList<String>();
		Optional.ofNullable(System.getProperty(property)).ifPresent(candidates::add);
		Optional.ofNullable(System.getenv(variable)).ifPresent(candidates::add);
		var path = Objects.requireNonNullElse(System.getenv("PATH"), "");
		Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
				.forEach(dir -> names.forEach(name -> candidates.add(Path.of(dir, name).toString())));
		candidates.addAll(usual);
		var found = candidates.stream().map(Path::of).filter(Files::isRegularFile).filter(Files::isExecutable)
				.findFirst();
		var looked = new ArrayList<String>();
		looked.add("-D" + property);
		looked.add("$" + variable);
		looked.add(String.join("/", names) + " dans le PATH");
		looked.addAll(usual);
		return new Located(found, looked);
	}

	@AfterEach
	void everyPageVisitedPassedTheChecks() {
		if (checks != null) {
			checks.checkCurrentPage();
			assertThat(checks.takeFailures()).as("pages visited with accessibility or format problems").isEmpty();
		}
	}

	/**
	 * Checks the page in the browser again now, as if it were new, and returns (and forgets) every problem found since
	 * the last call: for a test that shows the checks fail when they should.
	 */
	protected List<String> checkAgainAndTakeProblems() {
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("delete window.__coconChecked");
		checks.checkCurrentPage();
		return checks.takeFailures();
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			// a browser started through a script outlives ChromeDriver's end of it: the processes started for this class
			// are ended after the driver quit, whatever started them
			var browsers = ProcessHandle.current().descendants()
					.filter(process -> process.info().command().orElse("").contains("chrom")).toList();
			driver.quit();
			browsers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
			driver = null;
			checks = null;
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected void open(String path) {
		driver.get(url(path));
	}

	protected WebElement find(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	protected void waitForText(By by, String text) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	/**
	 * Whether nothing on the current page matches, without waiting for it to appear: {@code findElements} with the
	 * implicit wait spends its 2 seconds on every element that is rightly absent.
	 */
	protected boolean absent(By by) {
		return withoutImplicitWait(() -> driver.findElements(by).isEmpty());
	}

	/**
	 * Runs the action with the driver's implicit wait off, then puts it back: for looks that must see the page as it
	 * is, and for loops that reload it and wait themselves.
	 */
	protected <T> T withoutImplicitWait(Supplier<T> action) {
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		try {
			return action.get();
		}
		finally {
			driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
		}
	}

	/**
	 * Signs in with the demo sign-in form as the given persona (password {@code demo}), as a person would: an
	 * {@code agent-<SIREN>} picks "Agent d'une organisation" and types the SIREN, the others pick their persona.
	 * Returns once the header shows the signed-in person's link to their account.
	 */
	protected void signInAs(String username) {
		driver.manage().deleteAllCookies();
		open("/connexion");
		if (username.startsWith("agent-")) {
			find(By.cssSelector("label[for='persona-agent']")).click();
			var siren = find(By.id("siren"));
			siren.clear();
			siren.sendKeys(username.substring("agent-".length()));
		}
		else {
			find(By.cssSelector("label[for='persona-" + username + "']")).click();
		}
		var password = driver.findElement(By.id("password"));
		password.clear();
		password.sendKeys("demo");
		driver.findElement(By.cssSelector("form[action$='/connexion'] [type=submit]")).click();
		// the header names the person and their organisation, no longer the user name (issue 25, point 7)
		find(By.cssSelector("header a[href$='/mon-compte']"));
	}
}
