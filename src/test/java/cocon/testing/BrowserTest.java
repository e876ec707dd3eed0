package cocon.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the whole application on a random port, driven by Debian's headless Chromium
 * through its ChromeDriver ({@code apt-get install chromium chromium-driver}; {@code .ci/run} installs them).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

	protected static WebDriver driver;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		var chromedriver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		var options = new ChromeOptions();
		options.setBinary(System.getProperty("cocon.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1024", "--lang=fr-FR",
				"--user-data-dir=" + Files.createTempDirectory("cocon-chromium"));
		var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver).toFile())
				.usingAnyFreePort().build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
			driver = null;
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

	/** Signs in with the demo sign-in form as the given persona (password {@code demo}). */
	protected void signInAs(String username) {
		driver.manage().deleteAllCookies();
		open("/connexion");
		var user = find(By.name("username"));
		user.clear();
		user.sendKeys(username);
		var password = driver.findElement(By.name("password"));
		password.clear();
		password.sendKeys("demo");
		driver.findElement(By.cssSelector("form[action$='/connexion'] [type=submit]")).click();
	}
}
