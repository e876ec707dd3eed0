package cocon.identity.proconnect;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * A real OpenID provider configured like ProConnect ({@code src/test/oidc/proconnect-provider.mjs}, the npm
 * {@code oidc-provider} installed by the build's {@code npm ci}), run by Node.js in its own process on ports chosen
 * when this object is created, so that Cocon can be configured with its issuer before it is started (or while it is
 * down). Its accounts are chosen by login name on its sign-in form. ADR 0032.
 */
final class ProConnectProvider implements AutoCloseable {

	static final Path SCRIPT = Path.of("src/test/oidc/proconnect-provider.mjs");
	static final Path FRONTEND = Path.of("src/main/frontend");
	static final String CLIENT_ID = "cocon-test";
	static final String CLIENT_SECRET = "secret-de-test-" + Long.toHexString(System.nanoTime());

	/** An account of the provider: its login name on the form, its subject, its acr, its claims. */
	record Account(String login, String sub, String acr, Map<String, Object> claims) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final int port = freePort();
	final int idpPort = freePort();
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	private Process process;

	String issuer() {
		return "http://localhost:" + port + "/api/v2";
	}

	/** Starts the provider for a Cocon reached at {@code cocon} (its base URL), with these accounts. */
	synchronized void start(String cocon, List<Account> accounts) throws Exception {
		if (process != null) {
			return;
		}
		var config = Files.createTempFile("proconnect-provider", ".json");
		config.toFile().deleteOnExit();
		var accountsByLogin = new java.util.LinkedHashMap<String, Object>();
		for (var account : accounts) {
			var entry = new java.util.LinkedHashMap<String, Object>();
			entry.put("sub", account.sub());
			entry.put("acr", account.acr());
			entry.put("claims", account.claims());
			accountsByLogin.put(account.login(), entry);
		}
		Files.writeString(config, JSON.writeValueAsString(Map.of(
				"frontend", FRONTEND.toAbsolutePath().toString(),
				"port", port, "idpPort", idpPort,
				"clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET,
				"redirectUris", List.of(cocon + "/login/oauth2/code/proconnect"),
				"postLogoutRedirectUris", List.of(cocon + "/deconnexion/terminee"),
				"accounts", accountsByLogin)));
		process = new ProcessBuilder(node(), SCRIPT.toAbsolutePath().toString(), config.toString())
				.redirectErrorStream(true).start();
		var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		var ready = CompletableFuture.supplyAsync(() -> {
			var seen = new StringBuilder();
			try {
				for (String line; (line = output.readLine()) != null;) {
					if (line.startsWith("ready ")) {
						return null;
					}
					seen.append(line).append('\n');
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return seen.toString();
		});
		String failure = ready.get(30, TimeUnit.SECONDS);
		if (failure != null) {
			throw new IllegalStateException("Le fournisseur OpenID de test n'a pas démarré :\n" + failure);
		}
		// the rest of its output (warnings, errors) goes on to the test's output
		var echo = new Thread(() -> output.lines().forEach(line -> System.out.println("[fournisseur] " + line)),
				"fournisseur-openid");
		echo.setDaemon(true);
		echo.start();
	}

	/** Makes these endpoints ({@code token}, {@code userinfo}) accept requests and never answer; none when empty. */
	void hang(String... endpoints) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_test/hang"))
				.POST(HttpRequest.BodyPublishers.ofString(String.join(",", endpoints))).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("commande refusée par le fournisseur de test : " + response.statusCode());
		}
	}

	@Override
	public synchronized void close() {
		if (process != null) {
			process.destroy();
			try {
				process.waitFor(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			process.destroyForcibly();
			process = null;
		}
	}

	/** Node.js: {@code -Dcocon.node}, {@code $NODE}, or {@code node} on the PATH. */
	static String node() {
		var given = System.getProperty("cocon.node", System.getenv("NODE"));
		if (given != null) {
			return given;
		}
		return Stream.of(Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator))
				.map(dir -> Path.of(dir, "node")).filter(Files::isExecutable).findFirst().map(Path::toString)
				.orElseThrow(() -> new IllegalStateException("Node.js est introuvable (PATH, -Dcocon.node ou $NODE) : "
						+ "il fait tourner le fournisseur OpenID des tests ProConnect, comme il construit le front."));
	}

	static int freePort() {
		return cocon.testing.FreePorts.next(); // ADR 0056: never one another test JVM may take meanwhile
	}
}
