package cocon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The replay's requests sent together (issue 26): each is served at its own instant, on its own thread, and only a
 * request of the replay itself (the clock's secret, while the replay runs) may say its instant.
 */
class ReplayClockTests {

	private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
	private static final Instant REACHED = Instant.parse("2026-11-20T09:00:00Z");
	private static final Instant OWN = Instant.parse("2026-11-18T14:05:00Z");

	private final ReplayClock clock = new ReplayClock(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aRequestServedAtItsOwnInstantMovesNeitherTheOtherThreadsNorTheReplay() throws Exception {
		clock.replayAt(REACHED);
		try (var scope = clock.servingAt(OWN)) {
			assertThat(clock.instant()).isEqualTo(OWN);
			assertThat(clock.withZone(ZoneOffset.ofHours(1)).instant()).as("the same clock in another zone").isEqualTo(OWN);
			assertThat(CompletableFuture.supplyAsync(clock::instant).get()).as("another thread").isEqualTo(REACHED);
		}
		assertThat(clock.instant()).isEqualTo(REACHED);
		clock.release();
		assertThat(clock.instant()).isEqualTo(NOW);
	}

	@Test
	void theFilterBelievesTheInstantOfARequestOfTheReplayOnly() throws Exception {
		var filter = new ReplayInstantFilter(clock);
		clock.replayAt(REACHED);
		assertThat(servedAt(filter, OWN.toString(), clock.secret())).isEqualTo(OWN);
		assertThat(servedAt(filter, OWN.toString(), "devine")).as("without the secret").isEqualTo(REACHED);
		assertThat(servedAt(filter, OWN.toString(), null)).isEqualTo(REACHED);
		assertThat(servedAt(filter, "hier", clock.secret())).as("not an instant").isEqualTo(REACHED);
		assertThat(clock.instant()).as("after the request").isEqualTo(REACHED);

		clock.release();
		assertThat(servedAt(filter, OWN.toString(), clock.secret())).as("once the replay is over").isEqualTo(NOW);
	}

	private Instant servedAt(ReplayInstantFilter filter, String instant, String secret) throws Exception {
		var request = new MockHttpServletRequest("PUT", "/api/proposals/x/support");
		request.addHeader(ReplayInstantFilter.INSTANT, instant);
		if (secret != null) {
			request.addHeader(ReplayInstantFilter.SECRET, secret);
		}
		var seen = new AtomicReference<Instant>();
		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse res) {
				seen.set(clock.instant());
			}
		}));
		return seen.get();
	}
}
