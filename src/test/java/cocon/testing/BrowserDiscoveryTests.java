package cocon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
	void takesTheHeadlessShellWhenItIsInstalledAndNoBrowserIsNamed() throws Exception {
		var shell = Files.createTempFile("chromium-headless-shell-de-test", "");
		var named = Files.createTempFile("chromium-nomme-de-test", "");
		try {
			var chromium = new BrowserTest.Located(java.util.Optional.of(Path.of("/usr/bin/chromium")), List.of("PATH"));
			assertThat(BrowserTest.preferring(shell, chromium, "cocon.test.browser", "COCON_TEST_BROWSER_UNSET").found())
					.as("not executable: not taken").contains(Path.of("/usr/bin/chromium"));
			shell.toFile().setExecutable(true);
			assertThat(BrowserTest.preferring(shell, chromium, "cocon.test.browser", "COCON_TEST_BROWSER_UNSET").found())
					.contains(shell);
			System.setProperty("cocon.test.browser", named.toString());
			var given = new BrowserTest.Located(java.util.Optional.of(named), List.of("-Dcocon.test.browser"));
			assertThat(BrowserTest.preferring(shell, given, "cocon.test.browser", "COCON_TEST_BROWSER_UNSET").found())
					.as("a browser named by its property wins").contains(named);
		}
		finally {
			System.clearProperty("cocon.test.browser");
			Files.delete(shell);
			Files.delete(named);
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
