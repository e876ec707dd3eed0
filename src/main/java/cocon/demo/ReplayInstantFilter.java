package cocon.demo;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request of the replay sent in parallel with others carries its own instant of the story ({@link #INSTANT}),
 * believed only with the replay clock's secret ({@link #SECRET}) and only while the replay runs: the request is then
 * served, from the first filter (security, sessions) to the answer, at that instant, as it would have been had it
 * been sent alone once the clock was moved to it. Any other request is served as before.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "cocon.demo.seed", havingValue = "true", matchIfMissing = true)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReplayInstantFilter extends OncePerRequestFilter {

	static final String INSTANT = "X-Cocon-Replay-Instant";
	static final String SECRET = "X-Cocon-Replay-Secret";

	private final Clock clock;

	ReplayInstantFilter(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var instant = request.getHeader(INSTANT);
		if (instant == null || !(clock instanceof ReplayClock replayClock)
				|| !replayClock.accepts(request.getHeader(SECRET))) {
			chain.doFilter(request, response);
			return;
		}
		Instant at;
		try {
			at = Instant.parse(instant);
		}
		catch (DateTimeParseException e) {
			chain.doFilter(request, response);
			return;
		}
		try (var scope = replayClock.servingAt(at)) {
			chain.doFilter(request, response);
		}
	}
}
