package cocon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The format check of {@link PageChecks}, on texts seen on pages before issue 9 and on what must stay allowed; and when
 * the listener asks the browser for a new document.
 */
class PageChecksTests {

	@Test
	void flagsTheMachineFormatsPeopleFoundOnThePages() {
		assertThat(PageChecks.formats("Décision du 2026-12-01T09:25:17.107166+01:00")).anyMatch(p -> p.startsWith("ISO"));
		assertThat(PageChecks.formats("Jalon — 2021-12-15")).anyMatch(p -> p.startsWith("ISO"));
		assertThat(PageChecks.formats("Score 60.0")).anyMatch(p -> p.startsWith("decimal point"));
		assertThat(PageChecks.formats("1 contribution(s) en attente")).anyMatch(p -> p.startsWith("\"(s)\" plural"));
		assertThat(PageChecks.formats("Le rôle est obligatoire (ELU, AGENT ou PARTENAIRE).")).hasSize(3)
				.allMatch(p -> p.startsWith("enum name"));
	}

	@Test
	void letsFrenchNumbersVersionsAndAcronymsThrough() {
		assertThat(PageChecks.formats("""
				Enveloppe : 30 000 000 € ; score 86,7 ; 3 mai 2021 à 10h00 ; SIREN 216901231 ; EPCI ; API ;
				Référentiel général d'amélioration de l'accessibilité (RGAA) version 4.1 ; licence etalab-2.0""")).isEmpty();
	}

	/**
	 * A browser that answers the listener's scripts: the state of its document from {@code states}, the address of the
	 * page from {@code pages} each time a new one is checked, no axe violation.
	 */
	static final class Browser {

		final Deque<String> states = new ArrayDeque<>();
		final Deque<String> pages = new ArrayDeque<>();
		final List<String> checked = new ArrayList<>();
		int asked;

		WebDriver driver() {
			return (WebDriver) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { WebDriver.class, JavascriptExecutor.class }, (proxy, method, args) -> {
						var script = args == null ? "" : String.valueOf(args[0]);
						return switch (method.getName()) {
							case "executeAsyncScript" -> Map.of("violations", List.of());
							case "executeScript" -> script.contains("readyState") ? state()
									: script.equals("return location.href") ? page()
									: script.contains("createTreeWalker") ? "Accueil" : script.contains("typeof window.axe");
							default -> throw new UnsupportedOperationException(method.getName());
						};
					});
		}

		private String state() {
			asked++;
			return states.isEmpty() ? "seen" : states.poll();
		}

		private String page() {
			var page = pages.poll();
			checked.add(page);
			return page;
		}
	}

	@Test
	void asksForANewDocumentAfterACallThatMayBringOneUntilItComes() throws Exception {
		var browser = new Browser();
		var checks = new PageChecks(browser.driver());
		var read = WebElement.class.getMethod("getText");
		var click = WebElement.class.getMethod("click");
		browser.states.add("new");
		browser.pages.add("http://localhost/");

		checks.beforeAnyWebElementCall(null, read, null);
		assertThat(browser.checked).containsExactly("http://localhost/");
		// reads bring no new document: the browser is not asked again
		checks.afterAnyWebElementCall(null, read, null, "Accueil");
		checks.beforeAnyWebElementCall(null, read, null);
		checks.beforeAnyWebElementCall(null, read, null);
		assertThat(browser.asked).isEqualTo(1);

		// a click whose page comes a moment later: still the old document, then loading, then the new one
		checks.afterAnyWebElementCall(null, click, null, null);
		browser.states.addAll(List.of("seen", "loading", "new"));
		browser.pages.add("http://localhost/mon-espace");
		for (int i = 0; i < 4; i++) {
			checks.beforeAnyWebElementCall(null, read, null);
		}
		assertThat(browser.asked).isEqualTo(4);
		assertThat(browser.checked).containsExactly("http://localhost/", "http://localhost/mon-espace");

		// a page that leaves by itself (a refresh in its head) is checked, and so is the page it leaves for
		checks.afterAnyWebElementCall(null, click, null, null);
		browser.states.addAll(List.of("new, leaving", "leaving", "new"));
		browser.pages.addAll(List.of("http://localhost/deconnexion", "http://localhost/?deconnecte"));
		for (int i = 0; i < 4; i++) {
			checks.beforeAnyWebElementCall(null, read, null);
		}
		assertThat(browser.asked).isEqualTo(7);
		assertThat(browser.checked).containsExactly("http://localhost/", "http://localhost/mon-espace",
				"http://localhost/deconnexion", "http://localhost/?deconnecte");
		assertThat(checks.takeFailures()).isEmpty();
	}
}
