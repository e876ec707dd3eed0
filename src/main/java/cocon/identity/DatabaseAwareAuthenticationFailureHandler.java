package cocon.identity;

import cocon.web.UnavailableAnswer;
import cocon.platform.DatabaseUnavailable;
import java.io.IOException;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Form sign-in that failed: back to the sign-in page with the error, unless it failed because the database could not
 * be reached to resolve the identity — then the « service momentanément indisponible » page (503), never a false
 * « wrong password ».
 */
public class DatabaseAwareAuthenticationFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	public DatabaseAwareAuthenticationFailureHandler(String failureUrl) {
		super(failureUrl);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (DatabaseUnavailable.isCause(exception)) {
			UnavailableAnswer.send(request, response, exception);
			return;
		}
		super.onAuthenticationFailure(request, response, exception);
	}
}
