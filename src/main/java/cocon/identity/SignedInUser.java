package cocon.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cocon.shared.identity.CurrentUser;

/** A demo identity as Spring Security sees it: user details carrying the {@link CurrentUser}. */
record SignedInUser(CurrentUser currentUser, String password) implements UserDetails, CurrentUserPrincipal {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities(currentUser);
	}

	static List<GrantedAuthority> authorities(CurrentUser user) {
		return user.roles().stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return password;
	}

	@Override
	public String getUsername() {
		return currentUser.username();
	}

	@Override
	public String toString() {
		return "SignedInUser[" + currentUser.username() + "]";
	}
}
