package cocon.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * What the server does before the application: which neighbours it believes when they forward a client's address
 * (loopback only by default, ADR 0035), and a body far over the limit answered 413 with a French problem detail, over
 * a real socket, even to a client that sends its whole body before reading.
 */
class RequestLimitsTests extends SecurityTest {

	@Autowired
	ApplicationContext context;

	@Test
	void onlyLoopbackIsATrustedProxyByDefault() {
		var tomcat = ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer()).getTomcat();
		var valve = (RemoteIpValve) Arrays.stream(tomcat.getEngine().getPipeline().getValves())
				.filter(RemoteIpValve.class::isInstance).findFirst().orElseThrow();
		var trusted = Pattern.compile(valve.getInternalProxies());
		assertThat(Arrays.asList("127.0.0.1", "127.1.2.3", "0:0:0:0:0:0:0:1", "::1"))
				.allMatch(address -> trusted.matcher(address).matches());
		// a neighbour container, a private network, CGNAT, a local IPv6 network: they could spoof their address
		assertThat(Arrays.asList("172.18.0.3", "10.0.0.7", "192.168.1.20", "100.64.0.1", "169.254.1.1", "fd00:0:0:0:0:0:0:1",
				"fe80:0:0:0:0:0:0:1")).noneMatch(address -> trusted.matcher(address).matches());
	}

	@Test
	void aFiftyMegabytePostIsAnswered413InFrenchToAClientThatSendsItAllBeforeReading() throws Exception {
		int size = 50 * 1024 * 1024;
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			var out = socket.getOutputStream();
			out.write(("POST /api/campaigns HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Accept: application/json\r\nContent-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			var chunk = new byte[64 * 1024];
			Arrays.fill(chunk, (byte) ' ');
			for (int sent = 0; sent < size; sent += chunk.length) {
				out.write(chunk, 0, Math.min(chunk.length, size - sent));
			}
			out.flush();
			String answer = head(socket.getInputStream());
			assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
					.contains("Le contenu envoyé est trop volumineux");
		}
	}

	@Test
	void aSupportIsAnsweredWithItsLengthNotInChunks() throws Exception {
		// Lyon supports the proposal already (the fixtures): the same answer every time, 200, nothing changes
		var credentials = Base64.getEncoder().encodeToString(
				(SecurityFixtures.ELIGIBLE_AGENT + ":" + SecurityFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
		String answer = exchange("PUT /api/proposals/" + fixtures.proposal + "/support HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: Basic " + credentials + "\r\nAccept: application/json\r\nContent-Length: 0\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("Transfer-Encoding");
		var length = Pattern.compile("(?i)content-length: (\\d+)").matcher(answer);
		assertThat(length.find()).as(answer).isTrue();
		var body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
		assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(Integer.parseInt(length.group(1)));
		assertThat(body).contains("\"alreadySupported\":true");
	}

	@Test
	void aHeaderValueWithAControlCharacterIsRefusedByTheFirewallWithAProblem() throws Exception {
		// U+0085 (a C1 control, one byte in ISO-8859-1) passes Tomcat's parser; Spring Security's firewall refuses it
		String answer = exchange("GET /api/campaigns HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\u0085\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
				.contains("La requête contient un caractère refusé").contains("X-Content-Type-Options: nosniff");
	}

	/** One request on a new connection, its bytes in ISO-8859-1; the answer as far as the server sent it. */
	private String exchange(String request) throws Exception {
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			return head(socket.getInputStream());
		}
	}

	/** The status line, the headers and what came of the body until the server paused. */
	private static String head(InputStream in) throws Exception {
		var read = new ByteArrayOutputStream();
		var buffer = new byte[8192];
		int n;
		while ((n = in.read(buffer)) > 0) {
			read.write(buffer, 0, n);
			String text = read.toString(StandardCharsets.UTF_8);
			if (text.contains("\r\n\r\n") && text.contains("}")) {
				break;
			}
		}
		return read.toString(StandardCharsets.UTF_8);
	}
}
