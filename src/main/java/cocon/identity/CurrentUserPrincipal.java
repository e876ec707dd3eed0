package cocon.identity;

import cocon.shared.identity.CurrentUser;

/** A Spring Security principal (demo user, OpenID Connect user) that carries the {@link CurrentUser}. */
public interface CurrentUserPrincipal {

	CurrentUser currentUser();
}
