package cocon.identity;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import cocon.web.Problems;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every rate limit of the instance (ADR 0012): wrong passwords per identity tried and per address, and the calls of
 * each {@link cocon.shared.web.RateLimited} operation per identity and per address. Refusals answer {@code 429} with
 * {@code Retry-After}: a French problem detail for the API, the page of the refusal for the browser.
 */
class RateLimits {

	/** Where a refused page request is forwarded, to be answered with an inline message. */
	static final String REFUSED_PAGE = "/trop-de-requetes";
	/** Request attributes read by the page of the refusal. */
	static final String RETRY_AFTER = RateLimits.class.getName() + ".retryAfter";
	static final String SIGN_IN = RateLimits.class.getName() + ".signIn";

	record Pair(RateLimiter perIdentity, RateLimiter perAddress) {
	}

	private final boolean enabled;
	private final Pair signIn;
	private final Map<String, Pair> operations = new HashMap<>();
	private final MessageSource messages;

	RateLimits(RateLimitProperties properties, TimeMeter time, MessageSource messages) {
		this.enabled = properties.enabled();
		this.messages = messages;
		if (properties.signIn() == null) {
			throw new IllegalStateException("cocon.rate-limits.sign-in manque.");
		}
		this.signIn = new Pair(new RateLimiter(properties.signIn().perIdentity(), true, time),
				new RateLimiter(properties.signIn().perAddress(), true, time));
		properties.operations().forEach((name, pair) -> operations.put(name,
				new Pair(new RateLimiter(pair.perIdentity(), false, time), new RateLimiter(pair.perAddress(), false, time))));
	}

	boolean enabled() {
		return enabled;
	}

	/** Seconds before the identity or the address may try a password again; 0 when they may now. */
	long signInWait(String identity, String address) {
		if (!enabled) {
			return 0;
		}
		return Math.max(identity == null ? 0 : signIn.perIdentity().waitFor(normalized(identity)),
				signIn.perAddress().waitFor(addressKey(address)));
	}

	/** A wrong password (or unknown identity) tried from the address. */
	void signInFailed(String identity, String address) {
		if (!enabled) {
			return;
		}
		if (identity != null) {
			signIn.perIdentity().take(normalized(identity));
		}
		if (address != null) {
			signIn.perAddress().take(addressKey(address));
		}
	}

	/** Takes a call of the operation for the identity (if signed in) and the address: 0, or the seconds to wait. */
	long take(String operation, String identity, String address) {
		if (!enabled) {
			return 0;
		}
		var pair = operations.get(operation);
		if (pair == null) {
			throw new IllegalStateException("Limite « " + operation + " » non configurée (cocon.rate-limits.operations."
					+ operation + ").");
		}
		if (identity != null) {
			long wait = pair.perIdentity().take(identity);
			if (wait > 0) {
				return wait;
			}
		}
		return pair.perAddress().take(addressKey(address));
	}

	/** Answers the refusal: 429 with Retry-After, a problem detail for the API, the refusal page otherwise. */
	void refuse(HttpServletRequest request, HttpServletResponse response, long seconds, boolean signingIn)
			throws java.io.IOException, ServletException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		if (Problems.isApi(request) || request.getHeader(HttpHeaders.AUTHORIZATION) != null && !isPageRequest(request)) {
			var problem = Problems.problem(messages, HttpStatus.TOO_MANY_REQUESTS, message(messages, seconds, signingIn),
					request);
			problem.setProperty("retryAfterSeconds", seconds);
			Problems.write(response, problem);
			return;
		}
		request.setAttribute(RETRY_AFTER, seconds);
		request.setAttribute(SIGN_IN, signingIn);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		request.getRequestDispatcher(REFUSED_PAGE).forward(request, response);
	}

	private static boolean isPageRequest(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("text/html");
	}

	/** The French message of a refusal: « réessayez dans 15 minutes ». */
	static String message(MessageSource messages, long seconds, boolean signingIn) {
		return Problems.message(messages, signingIn ? "problem.detail.429.sign-in" : "problem.detail.429",
				duration(messages, seconds));
	}

	/** A wait in French words, rounded up to the minute past one minute: « 1 seconde », « 40 secondes », « 15 minutes ». */
	static String duration(MessageSource messages, long seconds) {
		if (seconds < 60) {
			return Problems.message(messages, seconds <= 1 ? "platform.duration.second" : "platform.duration.seconds",
					Math.max(1, seconds));
		}
		long minutes = (seconds + 59) / 60;
		return Problems.message(messages, minutes == 1 ? "platform.duration.minute" : "platform.duration.minutes", minutes);
	}

	/**
	 * What an address is counted as: an IPv4 address as it is, an IPv6 address by its /64 — the block a single
	 * subscriber or host gets, inside which changing address is free (ADR 0035).
	 */
	static String addressKey(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return address;
		}
		try {
			// a literal: parsed, never looked up
			var parsed = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1)
					: address);
			if (!(parsed instanceof Inet6Address)) {
				return parsed.getHostAddress();
			}
			var bytes = Arrays.copyOf(parsed.getAddress(), 16);
			Arrays.fill(bytes, 8, 16, (byte) 0);
			return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
		}
		catch (UnknownHostException | RuntimeException notAnAddress) {
			return address;
		}
	}

	private static String normalized(String identity) {
		return identity.strip().toLowerCase(Locale.ROOT);
	}
}
