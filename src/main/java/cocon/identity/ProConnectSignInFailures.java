package cocon.identity;

import java.io.IOException;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import cocon.platform.DatabaseUnavailable;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A ProConnect sign-in that failed (issue 21, point 5): one log line with its cause — never a token, and no personal
 * data but the subject when ProConnect gave one — and the sign-in page with the French message of that cause, which
 * tells the person what to do. When the database is the cause, the « service momentanément indisponible » page.
 */
class ProConnectSignInFailures implements AuthenticationFailureHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ProConnectSignInFailures.class);
	private static final Pattern TOKEN = Pattern.compile("eyJ[\\w-]*\\.[\\w-]*\\.?[\\w-]*");
	private static final int LONGEST = 400;

	private final DatabaseAwareAuthenticationFailureHandler databaseAware = new DatabaseAwareAuthenticationFailureHandler(
			SecurityConfiguration.SIGN_IN_PAGE + "?erreur");

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (DatabaseUnavailable.isCause(exception)) {
			databaseAware.onAuthenticationFailure(request, response, exception);
			return;
		}
		var failure = SignInFailure.of(exception);
		LOG.warn("Connexion ProConnect refusée [{}] sub={} erreur={} : {}", failure.code(),
				exception instanceof ProConnectRefusal refusal && refusal.subject() != null ? refusal.subject() : "inconnu",
				exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "-",
				describe(exception));
		response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN_PAGE + "?erreur=" + failure.code());
	}

	/** The description, and the deepest cause when it says more (a timeout, a refused connection), without tokens. */
	static String describe(Exception exception) {
		String description = exception instanceof OAuth2AuthenticationException oauth
				&& oauth.getError().getDescription() != null ? oauth.getError().getDescription() : exception.getMessage();
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root != exception && root.getMessage() != null && (description == null || !description.contains(root.getMessage()))) {
			description = description + " (" + root.getClass().getSimpleName() + " : " + root.getMessage() + ")";
		}
		String text = TOKEN.matcher(String.valueOf(description)).replaceAll("[jeton]").replaceAll("\\s+", " ");
		return text.length() > LONGEST ? text.substring(0, LONGEST) + "…" : text;
	}
}
