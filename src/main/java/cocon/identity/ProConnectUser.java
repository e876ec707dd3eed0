package cocon.identity;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import cocon.shared.identity.CurrentUser;

/** A person signed in with ProConnect, carrying the {@link CurrentUser} resolved at sign-in. */
class ProConnectUser extends DefaultOidcUser implements CurrentUserPrincipal {

	private final CurrentUser currentUser;

	ProConnectUser(CurrentUser currentUser, OidcIdToken idToken, OidcUserInfo userInfo) {
		super(SignedInUser.authorities(currentUser), idToken, userInfo, "sub");
		this.currentUser = currentUser;
	}

	@Override
	public CurrentUser currentUser() {
		return currentUser;
	}

	@Override
	public String getName() {
		return currentUser.username();
	}
}
