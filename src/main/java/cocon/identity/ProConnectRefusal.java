package cocon.identity;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A ProConnect sign-in refused by Cocon after ProConnect authenticated the person: its cause, shown to the person in
 * French ({@link SignInFailure}), and the subject when known, the only personal data the log line may carry.
 */
class ProConnectRefusal extends OAuth2AuthenticationException {

	private final SignInFailure cause;
	private final String subject;

	ProConnectRefusal(SignInFailure cause, String subject, String description) {
		super(new OAuth2Error(cause.code(), description, null), description);
		this.cause = cause;
		this.subject = subject;
	}

	SignInFailure failure() {
		return cause;
	}

	String subject() {
		return subject;
	}
}
