package cocon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.events.WebDriverListener;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The checks every page a browser test visits must pass (issue 9, acceptance 3 and 4), run on each new document
 * before the test touches it or leaves it:
 * <ul>
 * <li>axe-core (the npm script, injected) finds no WCAG 2.1 A/AA violation of impact serious or critical;</li>
 * <li>what the page says contains no machine format: ISO date or timestamp, name of one of our enum constants,
 * decimal point, "(s)" plural.</li>
 * </ul>
 * A listener of the driver rather than a call in each test, so that a new journey cannot forget it. A page already
 * checked with the same address and text is not checked again (journeys reload pages while they wait). The browser is
 * asked whether its document is new only when a call since the last answer may have changed it: not after a call that
 * only reads ({@link #READS}), which most calls of a journey are (each question is a round trip to Chromium).
 */
public final class PageChecks implements WebDriverListener {

	/** Where the build's {@code npm ci} puts axe-core (a development dependency, never served by the application). */
	static final Path AXE = Path.of("src/main/frontend/node_modules/axe-core/axe.min.js");

	/** The marker left on a document once checked: a new page (navigation, form sent) does not have it. */
	private static final String MARKER = "__coconChecked";

	private static final Pattern ISO = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b|\\d{2}:\\d{2}:\\d{2}|\\dT\\d{2}:\\d{2}");

	private static final Pattern DECIMAL_POINT = Pattern.compile("(?<![\\w.])\\d+\\.\\d+(?![\\w.])");

	private static final Pattern PARENTHESISED_PLURAL = Pattern.compile("\\w\\((s|e|es|x)\\)");

	private static final Pattern CAPITALISED_WORD = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b");

	/** Text that legitimately looks like a machine format: versions (of the licence, of the RGAA or WCAG, of a library), RGAA criterion numbers. */
	private static final Pattern ALLOWED = Pattern.compile(
			"etalab-2\\.0|(?i:licence ouverte|version|RGAA|WCAG) \\d+(\\.\\d+)+|(?i:critères?) \\d+\\.\\d+((, | et )\\d+\\.\\d+)*");

	/** Constants of our enums that are also words or acronyms a French page uses as such. */
	private static final Set<String> ACRONYMS = Set.of("EPCI", "API", "JSON", "CSV", "SIREN", "SIRET", "ANCT", "DINUM",
			"DITP", "AMF", "ADF", "AMRF", "DSFR", "RGAA", "INSEE", "DGCL", "PDF", "URL", "OIDC", "XLSX");

	private static volatile Set<String> enumConstants;

	private static volatile String axeSource;

	private final WebDriver driver;

	private final Set<String> checked = new java.util.HashSet<>();

	private final List<String> failures = new ArrayList<>();

	private boolean checking;

	/**
	 * Calls of the driver and of its elements that bring no new document: after them the browser shows the one it
	 * showed before (the driver's {@code manage()} only gives its cookies and timeouts). Any other call (a navigation,
	 * a click, keys, a script, an action, a switch of window) may bring one, at once or a moment later.
	 */
	static final Set<String> READS = Set.of("findElement", "findElements", "getText", "getAttribute",
			"getDomAttribute", "getDomProperty", "getCssValue", "isDisplayed", "isEnabled", "isSelected", "getTagName",
			"getLocation", "getSize", "getRect", "getAccessibleName", "getAriaRole", "getCurrentUrl", "getTitle",
			"getPageSource", "getWindowHandle", "getWindowHandles", "getShadowRoot", "getScreenshotAs", "manage");

	/**
	 * Whether a new document may still come: true from any call that is not a {@link #READS read} until the browser
	 * shows a new document, loaded and not about to leave by itself (a refresh in its head). A click whose page comes a
	 * moment later, or never, leaves it true: every call asks again, as before this flag.
	 */
	private boolean mayHaveChanged = true;

	/** Numbers the pictures across test classes (one listener per class), in the order pages were visited. */
	private static final java.util.concurrent.atomic.AtomicInteger SCREENSHOTS = new java.util.concurrent.atomic.AtomicInteger();

	PageChecks(WebDriver driver) {
		this.driver = driver;
	}

	@Override
	public void beforeAnyWebDriverCall(WebDriver decorated, Method method, Object[] args) {
		if (!method.getName().equals("quit") && !method.getName().equals("close") && mayHaveChanged) {
			checkCurrentPage();
		}
	}

	@Override
	public void beforeAnyWebElementCall(WebElement element, Method method, Object[] args) {
		if (mayHaveChanged) {
			checkCurrentPage();
		}
	}

	@Override
	public void afterAnyWebDriverCall(WebDriver decorated, Method method, Object[] args, Object result) {
		afterAnyCall(method);
	}

	@Override
	public void afterAnyWebElementCall(WebElement element, Method method, Object[] args, Object result) {
		afterAnyCall(method);
	}

	@Override
	public void onError(Object target, Method method, Object[] args, java.lang.reflect.InvocationTargetException e) {
		afterAnyCall(method); // a click that timed out may still have sent the form
	}

	private void afterAnyCall(Method method) {
		if (!READS.contains(method.getName())) {
			mayHaveChanged = true;
		}
	}

	/**
	 * The pages that failed since the last call, each with its problems; the driver's decorator only logs what a
	 * listener throws, so the test asks here.
	 */
	public List<String> takeFailures() {
		var taken = List.copyOf(failures);
		failures.clear();
		return taken;
	}

	/** Checks the document in the browser now, unless it was checked already or is still loading. */
	public void checkCurrentPage() {
		if (checking) {
			return;
		}
		checking = true;
		try {
			var js = (JavascriptExecutor) driver;
			Object state;
			try {
				state = js.executeScript("""
						if (document.readyState !== 'complete') { return 'loading'; }
						var leaves = document.querySelector('meta[http-equiv=refresh]') !== null;
						if (location.protocol.indexOf('http') !== 0 || window.%s) { return leaves ? 'leaving' : 'seen'; }
						return leaves ? 'new, leaving' : 'new';""".formatted(MARKER));
			}
			catch (WebDriverException noPageYet) {
				return;
			}
			if ("new".equals(state)) {
				mayHaveChanged = false;
			}
			else if (!"new, leaving".equals(state)) {
				return;
			}
			js.executeScript("window." + MARKER + " = true");
			var url = (String) js.executeScript("return location.href");
			var text = (String) js.executeScript("""
					// the text as written, not as rendered: DSFR badges and tags are upper-cased by CSS (text-transform),
					// which innerText would report as if the page said "APPEL À CONTRIBUTIONS"
					var parts = [document.title];
					if (document.body) {
					  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: function (node) {
					    var tag = node.parentNode && node.parentNode.nodeName;
					    return tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
					  } });
					  while (walker.nextNode()) { parts.push(walker.currentNode.nodeValue); }
					}
					document.querySelectorAll('[aria-label], [title], [placeholder], input[type=submit][value]').forEach(function (el) {
					  ['aria-label', 'title', 'placeholder'].forEach(function (a) { if (el.getAttribute(a)) parts.push(el.getAttribute(a)); });
					  if (el.type === 'submit' && el.value) parts.push(el.value);
					});
					return parts.join('\\n');""");
			if (!checked.add(url + "\n" + text)) {
				return;
			}
			screenshot(url);
			var problems = new ArrayList<String>();
			problems.addAll(formats(text));
			problems.addAll(axe(js));
			if (!problems.isEmpty()) {
				failures.add(url + "\n  - " + String.join("\n  - ", problems));
			}
		}
		finally {
			checking = false;
		}
	}

	/**
	 * With {@code -Dcocon.screenshots=<folder>}, a picture of each page checked, so that people can look at every page
	 * the journeys visit (the whole page, at the browser's width).
	 */
	private void screenshot(String url) {
		var folder = System.getProperty("cocon.screenshots");
		if (folder == null || folder.isBlank()) {
			return;
		}
		try {
			var name = "%03d-%s.png".formatted(SCREENSHOTS.getAndIncrement(), java.net.URI.create(url).getPath()
					.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "id")
					.replaceAll("[^A-Za-z0-9-]+", "_"));
			Files.createDirectories(Path.of(folder));
			Files.write(Path.of(folder, name), ((org.openqa.selenium.TakesScreenshot) driver)
					.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (IOException | WebDriverException e) {
			// a picture is a help for people, never a reason to fail a test
		}
	}

	/** The machine formats in a page's text: each as "what: the text around it". */
	static List<String> formats(String text) {
		var problems = new ArrayList<String>();
		var cleaned = ALLOWED.matcher(text).replaceAll(" ");
		find(ISO, cleaned, "ISO date or time", problems);
		find(DECIMAL_POINT, cleaned, "decimal point", problems);
		find(PARENTHESISED_PLURAL, cleaned, "\"(s)\" plural", problems);
		var constants = enumConstants();
		var words = CAPITALISED_WORD.matcher(cleaned);
		while (words.find()) {
			if (constants.contains(words.group()) && !ACRONYMS.contains(words.group())) {
				problems.add("enum name: " + around(cleaned, words.start(), words.end()));
			}
		}
		return problems;
	}

	private static void find(Pattern pattern, String text, String what, List<String> problems) {
		var matcher = pattern.matcher(text);
		while (matcher.find()) {
			problems.add(what + ": " + around(text, matcher.start(), matcher.end()));
		}
	}

	private static String around(String text, int start, int end) {
		return "«" + text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 40)).replace('\n', ' ') + "»";
	}

	@SuppressWarnings("unchecked")
	private static List<String> axe(JavascriptExecutor js) {
		// the browser adds axe-core to every new document by itself (BrowserTest); sent here only where it did not
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
			js.executeScript(axeSource());
		}
		var result = (Map<String, Object>) js.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
				                   resultTypes: ['violations']})
				  .then(function (r) {
				    done({violations: r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
				      .map(function (v) {
				        return v.impact + ' ' + v.id + ' (' + v.help + '): ' + v.nodes.slice(0, 5).map(function (n) {
				          return n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
				        }).join(' | ');
				      })});
				  })
				  .catch(function (e) { done({error: String(e)}); });""");
		if (result.get("error") != null) {
			throw new IllegalStateException("axe-core could not run: " + result.get("error"));
		}
		return (List<String>) result.get("violations");
	}

	static String axeSource() {
		if (axeSource == null) {
			if (!Files.isReadable(AXE)) {
				throw new IllegalStateException("axe-core est introuvable (" + AXE.toAbsolutePath()
						+ ") : lancez une fois la construction avec npm (./mvnw test, sans -Dexec.skip).");
			}
			try {
				axeSource = Files.readString(AXE, StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return axeSource;
	}

	/** The names of the constants of every enum of the application: none may reach a page as such. */
	static Set<String> enumConstants() {
		if (enumConstants == null) {
			enumConstants = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
					.importPackages("cocon").stream().filter(type -> type.isEnum())
					.flatMap(type -> type.getEnumConstants().stream()).map(constant -> constant.name())
					.collect(Collectors.toCollection(TreeSet::new));
		}
		return enumConstants;
	}
}
