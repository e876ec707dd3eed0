package cocon.identity;

import java.util.Set;

import cocon.shared.identity.Role;

/** The roles granted to a person by an administrator, in force now. */
@FunctionalInterface
interface GrantedRoles {

	Set<Role> of(String username);
}
