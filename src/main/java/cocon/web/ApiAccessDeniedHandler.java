package cocon.web;

import java.io.IOException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A signed-in person without the role an API route needs: 403 problem detail. */
public class ApiAccessDeniedHandler implements AccessDeniedHandler {

	private final MessageSource messages;

	public ApiAccessDeniedHandler(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		Problems.write(response, Problems.problem(messages, HttpStatus.FORBIDDEN,
				Problems.message(messages, "problem.detail.403"), request));
	}
}
