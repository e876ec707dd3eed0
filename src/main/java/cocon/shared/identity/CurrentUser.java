package cocon.shared.identity;

import java.util.Optional;
import java.util.Set;

/**
 * The signed-in person as every module sees it. Controllers receive it as a method argument (resolved by the
 * platform from the security context); an anonymous request for a handler that needs it answers 401.
 *
 * @param username the stable user name (subject of the identity provider, or the demo persona)
 * @param displayName the name to show
 * @param email the e-mail address, when known (personal data: keep it inside the module that needs it)
 * @param roles the platform roles
 * @param organisation the organisation the person acts for, if any (staff personas have none)
 */
public record CurrentUser(String username, String displayName, String email, Set<Role> roles,
		Organisation organisation) implements java.io.Serializable {

	public CurrentUser {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("Un utilisateur a un identifiant.");
		}
		roles = roles == null ? Set.of() : Set.copyOf(roles);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	/** Administrators and curators. */
	public boolean isStaff() {
		return hasRole(Role.ADMINISTRATOR) || hasRole(Role.CURATOR);
	}

	public Optional<Organisation> organisationIfAny() {
		return Optional.ofNullable(organisation);
	}
}
