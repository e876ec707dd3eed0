package cocon.identity;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Why a ProConnect sign-in failed, as the person is told (message {@code identity.signin.failure.<code>}) and as the
 * log line says ({@code Connexion ProConnect refusée [<code>]}). The code is the {@code erreur} parameter of the
 * sign-in page.
 */
enum SignInFailure {

	/** ProConnect did not answer, or not in time (discovery, keys, token, userinfo). */
	UNAVAILABLE("indisponible"),
	/** ProConnect refused Cocon itself: client id or secret, redirect URI, algorithm — the operators' business. */
	CONFIGURATION("configuration"),
	/** The sign-in request is unknown or too old: state lost, expired, code used twice, back button. */
	EXPIRED("expiree"),
	/** The person cancelled at ProConnect or their identity provider. */
	CANCELLED("annulee"),
	/** An answer of ProConnect that could not be verified: signature, issuer, audience, nonce, expiry. */
	INVALID_ANSWER("reponse-invalide"),
	/** No valid SIRET in the identity: Cocon cannot tell which organisation the person acts for. */
	NO_SIRET("sans-siret"),
	/** A staff role and a sign-in without a second factor. */
	MFA_REQUIRED("double-authentification"),
	/** Anything else. */
	OTHER("erreur");

	private final String code;

	SignInFailure(String code) {
		this.code = code;
	}

	String code() {
		return code;
	}

	String messageKey() {
		return "identity.signin.failure." + code;
	}

	static Optional<SignInFailure> ofCode(String code) {
		return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
	}

	/** The cause of a failed sign-in, from Cocon's own refusal, the exception chain, or the OAuth 2 error code. */
	static SignInFailure of(Exception exception) {
		if (exception instanceof ProConnectRefusal refusal) {
			return refusal.failure();
		}
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof InterruptedIOException || cause instanceof ConnectException
					|| cause instanceof UnknownHostException || cause instanceof HttpTimeoutException
					|| cause instanceof ResourceAccessException || cause instanceof HttpServerErrorException) {
				return UNAVAILABLE;
			}
		}
		if (!(exception instanceof OAuth2AuthenticationException oauth)) {
			return OTHER;
		}
		String error = oauth.getError().getErrorCode();
		return switch (error) {
			case "authorization_request_not_found", "invalid_state_parameter", "client_registration_not_found",
					OAuth2ErrorCodes.INVALID_GRANT -> EXPIRED;
			case OAuth2ErrorCodes.ACCESS_DENIED, "login_required", "consent_required", "interaction_required" -> CANCELLED;
			case OAuth2ErrorCodes.INVALID_CLIENT, OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, OAuth2ErrorCodes.INVALID_SCOPE,
					OAuth2ErrorCodes.INVALID_REQUEST, OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE,
					"invalid_redirect_uri", "invalid_client_metadata" -> CONFIGURATION;
			case "invalid_id_token", "invalid_nonce" -> INVALID_ANSWER;
			case OAuth2ErrorCodes.SERVER_ERROR, OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE -> UNAVAILABLE;
			case "invalid_token_response", UserInfoTokenVerifier.INVALID_USER_INFO -> INVALID_ANSWER;
			default -> OTHER;
		};
	}
}
