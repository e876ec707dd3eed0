package cocon.platform.identity;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;

/**
 * The demo identities (demo profile only): staff and committee personas, and an agent of any organisation by
 * its SIREN ({@code agent-216901231} for the commune of Lyon). Everybody's password is {@code demo}. Roles granted
 * by an administrator are added to the persona's own.
 * <p>
 * HTTP Basic signs in on every request: an identity resolved is kept {@link #KEPT} in memory, the way a session
 * keeps it after a sign-in, and resolved again at once after a role granted or revoked or an organisation verified
 * by this instance ({@link IdentityChanges}).
 */
class DemoPersonas implements UserDetailsService {

	static final String PASSWORD = "demo";
	static final String AGENT_PREFIX = "agent-";

	/** A persona offered on the sign-in page. */
	record Persona(String username, String displayName, Set<Role> roles, String description) {
	}

	static final List<Persona> PERSONAS = List.of(
			new Persona("admin", "Administratrice démo", Set.of(Role.ADMINISTRATOR),
					"Administration : campagnes, calendriers, rôles, organisations"),
			new Persona("curator", "Curateur démo", Set.of(Role.CURATOR),
					"Curation (ANCT) : tri des contributions, propositions"),
			new Persona("committee1", "Anne Lefèvre (AMF)", Set.of(), "Membre de comité"),
			new Persona("committee2", "Bruno Garnier (ADF)", Set.of(), "Membre de comité"),
			new Persona("committee3", "Chloé Moreau (France urbaine)", Set.of(), "Membre de comité"),
			new Persona("committee4", "David Roux (DINUM)", Set.of(), "Membre de comité"),
			new Persona("committee5", "Émilie Fournier (ANCT)", Set.of(), "Membre de comité"));

	private static final Map<String, Persona> BY_USERNAME = new LinkedHashMap<>();

	static {
		PERSONAS.forEach(persona -> BY_USERNAME.put(persona.username(), persona));
	}

	/** How long an identity resolved is kept, at most. */
	static final Duration KEPT = Duration.ofSeconds(5);

	/** Beyond this many identities kept, the memory is emptied. */
	private static final int MOST_KEPT = 20_000;

	private record Kept(CurrentUser user, long resolvedAt, long generation) {
	}

	private final OrganisationResolver organisations;
	private final GrantedRoles grantedRoles;
	private final IdentityChanges changes;
	private final Map<String, Kept> kept = new ConcurrentHashMap<>();

	DemoPersonas(OrganisationResolver organisations, GrantedRoles grantedRoles, IdentityChanges changes) {
		this.organisations = organisations;
		this.grantedRoles = grantedRoles;
		this.changes = changes;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return new SignedInUser(currentUser(username), "{noop}" + PASSWORD);
	}

	CurrentUser currentUser(String username) {
		var name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		var generation = changes.generation();
		var now = System.nanoTime();
		var known = kept.get(name);
		if (known != null && known.generation() == generation && now - known.resolvedAt() < KEPT.toNanos()) {
			return known.user();
		}
		var user = resolve(name);
		if (kept.size() >= MOST_KEPT) {
			kept.clear();
		}
		kept.put(name, new Kept(user, now, generation));
		return user;
	}

	private CurrentUser resolve(String name) {
		var persona = BY_USERNAME.get(name);
		if (persona != null) {
			var roles = EnumSet.noneOf(Role.class);
			roles.addAll(persona.roles());
			roles.addAll(grantedRoles.of(name));
			return new CurrentUser(name, persona.displayName(), name + "@demo.cocon.fr", roles, null);
		}
		if (name.startsWith(AGENT_PREFIX) && Siren.isValid(name.substring(AGENT_PREFIX.length()))) {
			var siren = new Siren(name.substring(AGENT_PREFIX.length()));
			var organisation = organisations.resolve(siren, name);
			var roles = EnumSet.of(Role.AGENT);
			roles.addAll(grantedRoles.of(name));
			return new CurrentUser(name, "Agent · " + organisation.name(), name + "@demo.cocon.fr", roles, organisation);
		}
		throw new UsernameNotFoundException("Identité de démonstration inconnue.");
	}
}
