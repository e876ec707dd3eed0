package cocon.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Organisation;
import cocon.shared.identity.Role;

/**
 * Signed-in identities for MockMvc tests, independent of the sign-in mechanism: the principal is the
 * {@link CurrentUser} every controller receives.
 */
public final class Identities {

	private Identities() {
	}

	public static CurrentUser admin() {
		return new CurrentUser("admin", "Administratrice démo", "admin@demo.cocon.fr", Set.of(Role.ADMINISTRATOR), null);
	}

	public static CurrentUser curator() {
		return new CurrentUser("curator", "Curateur démo", "curator@demo.cocon.fr", Set.of(Role.CURATOR), null);
	}

	public static CurrentUser committee(int n) {
		return new CurrentUser("committee" + n, "Membre du comité " + n, "committee" + n + "@demo.cocon.fr", Set.of(), null);
	}

	/** An agent of a collectivité known to the directory. */
	public static CurrentUser agentOf(String siren, String name, CollectiviteKind kind, String departement,
			String region, long population) {
		return agent("agent-" + siren, new Organisation(Siren.of(siren), name, kind, true, departement, region, population));
	}

	public static CurrentUser agent(String username, Organisation organisation) {
		return new CurrentUser(username, "Agent " + organisation.name(), username + "@demo.cocon.fr", Set.of(Role.AGENT),
				organisation);
	}

	/** The commune of Lyon. */
	public static CurrentUser lyon() {
		return agentOf("216901231", "Lyon", CollectiviteKind.COMMUNE, "69", "84", 519127);
	}

	/** Signs the MockMvc request in as the given user. */
	public static RequestPostProcessor as(CurrentUser user) {
		var authorities = user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
	}
}
