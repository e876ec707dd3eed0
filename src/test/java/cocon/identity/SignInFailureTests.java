package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.ResourceAccessException;

/**
 * Each failed ProConnect sign-in gets its cause (the French message the person reads, the word of the log line), and
 * the log line never carries a token (issue 21, point 5).
 */
class SignInFailureTests {

	@Test
	void aProviderThatDoesNotAnswerIsUnavailable() {
		var timeout = new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response", "I/O error", null),
				new ResourceAccessException("I/O error", new SocketTimeoutException("Read timed out")));
		var failed = new OAuth2AuthenticationException(timeout.getError(), timeout.getError().toString(), timeout);

		assertThat(SignInFailure.of(failed)).isEqualTo(SignInFailure.UNAVAILABLE);
	}

	@Test
	void eachOAuthErrorHasItsCause() {
		assertThat(SignInFailure.of(error("invalid_client"))).isEqualTo(SignInFailure.CONFIGURATION);
		assertThat(SignInFailure.of(error("authorization_request_not_found"))).isEqualTo(SignInFailure.EXPIRED);
		assertThat(SignInFailure.of(error("invalid_grant"))).isEqualTo(SignInFailure.EXPIRED);
		assertThat(SignInFailure.of(error("access_denied"))).isEqualTo(SignInFailure.CANCELLED);
		assertThat(SignInFailure.of(error("invalid_id_token"))).isEqualTo(SignInFailure.INVALID_ANSWER);
		assertThat(SignInFailure.of(error("invalid_nonce"))).isEqualTo(SignInFailure.INVALID_ANSWER);
		assertThat(SignInFailure.of(error(UserInfoTokenVerifier.INVALID_USER_INFO))).isEqualTo(SignInFailure.INVALID_ANSWER);
		assertThat(SignInFailure.of(error("temporarily_unavailable"))).isEqualTo(SignInFailure.UNAVAILABLE);
		assertThat(SignInFailure.of(error("something_new"))).isEqualTo(SignInFailure.OTHER);
		assertThat(SignInFailure.of(new ProConnectRefusal(SignInFailure.NO_SIRET, "sub-1", "pas de SIRET")))
				.isEqualTo(SignInFailure.NO_SIRET);
		for (var failure : SignInFailure.values()) {
			assertThat(SignInFailure.ofCode(failure.code())).contains(failure);
		}
	}

	@Test
	void theLogLineNeverCarriesAToken() {
		var described = ProConnectSignInFailures.describe(new OAuth2AuthenticationException(new OAuth2Error(
				"invalid_id_token", "jeton refusé : eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", null)));

		assertThat(described).doesNotContain("eyJ").contains("[jeton]");
	}

	private static OAuth2AuthenticationException error(String code) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, "description", null));
	}
}
