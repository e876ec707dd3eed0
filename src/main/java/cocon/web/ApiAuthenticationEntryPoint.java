package cocon.web;

import java.io.IOException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import cocon.platform.DatabaseUnavailable;
import cocon.web.UnavailableAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Anonymous (or wrongly authenticated) API request: 401 problem detail, with the challenge of the sign-in method. */
public class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final MessageSource messages;
	private final String challenge;

	/** @param challenge the {@code WWW-Authenticate} value, or {@literal null} when the API offers none */
	public ApiAuthenticationEntryPoint(MessageSource messages, String challenge) {
		this.messages = messages;
		this.challenge = challenge;
	}

	/** The {@code WWW-Authenticate} value of the API's sign-in method, if any. */
	public String challenge() {
		return challenge;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (DatabaseUnavailable.isCause(exception)) { // the identity could not be looked up: not a wrong password
			UnavailableAnswer.send(request, response, exception);
			return;
		}
		if (challenge != null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		}
		boolean badCredentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		Problems.write(response, Problems.problem(messages, HttpStatus.UNAUTHORIZED,
				Problems.message(messages, badCredentials ? "problem.detail.bad-credentials" : "problem.detail.401"),
				request));
	}
}
