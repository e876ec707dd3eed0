package cocon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How the browser tests find Chromium and its driver, and what they say on a machine that has neither. */
class BrowserDiscoveryTests {

	@Test
	void findsAnExecutableGivenByItsSystemPropertyBeforeThePath() throws Exception {
		var executable = Files.createTempFile("chromium-de-test", "");
		executable.toFile().setExecutable(true);
		System.setProperty("cocon.test.browser", executable.toString());
		try {
			var located = BrowserTest.locate("cocon.test.browser", "COCON_TEST_BROWSER_UNSET", List.of("sh"),
					List.of("/usr/bin/chromium"));
			assertThat(located.found()).contains(executable);
		}
		finally {
			System.clearProperty("cocon.test.browser");
			Files.delete(executable);
		}
	}

	@Test
	void saysInFrenchWhatToInstallWhenNothingIsFound() {
		var located = BrowserTest.locate("cocon.test.absent", "COCON_TEST_ABSENT_UNSET", List.of("chromium-introuvable"),
				List.of("/nulle/part/chromium"));
		assertThat(located.found()).isEmpty();
		assertThat(BrowserTest.MISSING.formatted(String.join(", ", located.looked())))
				.startsWith("Les tests dans un navigateur ont besoin de Chromium et de son ChromeDriver")
				.contains("sudo apt-get install chromium chromium-driver")
				.contains("-Dcocon.test.absent").contains("/nulle/part/chromium");
	}
}
