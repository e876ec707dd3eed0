package cocon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 26, acceptance 5 (ADR 48): the pages link one DSFR sheet of what they use under a name holding its content's
 * hash, sent precompressed and kept a year by the browser; so are the fonts and icons it links to; an address
 * without the hash is revalidated, a wrong hash never stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticAssetsTests {

	private static final Pattern SHEET = Pattern.compile("href=\"(/dsfr/dsfr-cocon\\.min-[0-9a-f]{32}\\.css)\"");

	private static final Pattern LINK = Pattern.compile("url\\(([a-z][^)\"']+-[0-9a-f]{32}\\.[a-z0-9]+)\\)");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void pagesLinkOneHashedSheetKeptAYearAndSentPrecompressed() throws Exception {
		var home = get("/", "gzip");
		assertThat(home.headers().firstValue("Content-Encoding")).as("a page of nobody, gzipped").hasValue("gzip");
		var html = new String(gunzip(home.body()), StandardCharsets.UTF_8);
		assertThat(html).doesNotContain("/dsfr/dsfr.min.css", "icons.min.css")
				.containsPattern("<link rel=\"preload\" href=\"/dsfr/fonts/Marianne-Regular-[0-9a-f]{32}\\.woff2\" as=\"font\"")
				.containsPattern("<script type=\"module\" src=\"/dsfr/dsfr-cocon\\.module\\.min-[0-9a-f]{32}\\.js\"")
				.containsPattern("<meta name=\"description\" content=\"[^\"]{50,}\"");
		var sheet = SHEET.matcher(html);
		assertThat(sheet.find()).as("the page links the hashed sheet").isTrue();

		var plain = get(sheet.group(1), null);
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Cache-Control")).hasValue(StaticAssets.IMMUTABLE);
		var css = new String(plain.body(), StandardCharsets.UTF_8);
		assertThat(css).contains(".fr-header", ".fr-icon-thumb-up-line")
				.as("components and icons no page uses are left out").doesNotContain(".fr-stepper", ".fr-sidemenu", ".fr-icon-bug-line");

		var gzip = get(sheet.group(1), "gzip");
		assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzip.headers().firstValue("Cache-Control")).hasValue(StaticAssets.IMMUTABLE);
		assertThat(gzip.body().length).isLessThan(plain.body().length / 5);
		assertThat(gunzip(gzip.body())).isEqualTo(plain.body());

		var brotli = get(sheet.group(1), "br, gzip");
		assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
		assertThat(brotli.body().length).isLessThan(gzip.body().length);

		var links = new LinkedHashSet<String>();
		// the .woff fallbacks are not served: every browser that reads this sheet takes the .woff2
		LINK.matcher(css).results().map(m -> m.group(1)).filter(l -> !l.endsWith(".woff")).forEach(links::add);
		assertThat(links).as("fonts and icons linked by their hashed name").anyMatch(l -> l.startsWith("fonts/Marianne"))
				.anyMatch(l -> l.startsWith("icons/"));
		for (var link : links) {
			var answer = get("/dsfr/" + link, "gzip");
			assertThat(answer.statusCode()).as(link).isEqualTo(200);
			assertThat(answer.headers().firstValue("Cache-Control")).as(link).hasValue(StaticAssets.IMMUTABLE);
		}
	}

	@Test
	void theDsfrScriptHoldsTheScriptsOfTheComponentsUsedAndTheMapItsOutlines() throws Exception {
		var html = new String(gunzip(get("/", "gzip").body()), StandardCharsets.UTF_8);
		var link = Pattern.compile("src=\"(/dsfr/dsfr-cocon\\.module\\.min-[0-9a-f]{32}\\.js)\"").matcher(html);
		assertThat(link.find()).as("the page links the hashed DSFR script").isTrue();
		var script = get(link.group(1), "br, gzip");
		assertThat(script.headers().firstValue("Content-Encoding")).hasValue("br");
		assertThat(script.headers().firstValue("Cache-Control")).hasValue(StaticAssets.IMMUTABLE);
		var plain = new String(get(link.group(1), null).body(), StandardCharsets.UTF_8);
		assertThat(plain).startsWith("/*! DSFR v").contains(".header={", ".modal={", ".navigation={", ".table={")
				.as("scripts of components no page uses are left out").doesNotContain(".range={", ".password={", ".tab={");

		// the outlines of the départements map (issue 26: drawn by the server, no chart library), kept a year
		var outlines = get("/dsfr-chart/departements.svg", "gzip");
		assertThat(outlines.statusCode()).isEqualTo(200);
		var svg = new String(gunzip(outlines.body()), StandardCharsets.UTF_8);
		assertThat(Pattern.compile("<symbol id=\"d[0-9AB]+\" viewBox=\"[0-9 ]+\"").matcher(svg).results().count())
				.as("96 metropolitan and 5 overseas départements").isEqualTo(101);
		assertThat(svg).contains("<symbol id=\"d69\" viewBox=\"0 0 1010 1010\"", "<symbol id=\"d2A\"", "<symbol id=\"d976\"");
	}

	@Test
	void anAddressWithoutTheHashIsRevalidatedAndAWrongHashNeverStored() throws Exception {
		var favicon = get("/dsfr/favicon/favicon.svg", "gzip");
		assertThat(favicon.statusCode()).isEqualTo(200);
		assertThat(favicon.headers().firstValue("Cache-Control")).hasValue("no-cache");

		var stale = get("/dsfr/dsfr-cocon.min-0123456789abcdef0123456789abcdef.css", "gzip");
		assertThat(stale.statusCode()).isEqualTo(404);
		assertThat(stale.headers().allValues("Cache-Control").toString()).doesNotContain("immutable", "max-age");
	}

	@Test
	void aSignedInPageIsStillNeverStored() throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mon-espace"))
				.header("Accept-Encoding", "gzip").header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo".getBytes()))
				.GET().build();
		var page = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(page.headers().firstValue("Content-Encoding")).as("what a signed-in person reads: never compressed (BREACH)")
				.isEmpty();
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}
}
