package cocon.identity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * HTTP Basic signs in on every request: an identity resolved is kept in memory, the way a session keeps it after a
 * sign-in, at most {@code cocon.cache.max-age} (2 s unless configured), and resolved again at once after a role
 * granted or revoked or an organisation verified by this instance ({@link IdentityChanges}, ADR 0025).
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
			new Persona("committee5", "Émilie Fournier (ANCT)", Set.of(), "Membre de comité"),
			// the other members of the 2021 committee the demonstration replays: a seat goes to a known identity only
			new Persona("amrf", "Françoise Girard (AMRF)", Set.of(), "Membre de comité"),
			new Persona("regions-de-france", "Gilles Petit (Régions de France)", Set.of(), "Membre de comité"),
			new Persona("intercommunalites", "Hélène Bonnet (Intercommunalités de France)", Set.of(), "Membre de comité"),
			new Persona("ditp", "Ivan Mercier (DITP)", Set.of(), "Membre de comité"),
			new Persona("elue-rurale", "Julie Lambert (élue d'une commune rurale)", Set.of(), "Membre de comité"),
			new Persona("elu-metropole", "Karim Benali (élu d'une métropole)", Set.of(), "Membre de comité"));

	private static final Map<String, Persona> BY_USERNAME = new LinkedHashMap<>();

	static {
		PERSONAS.forEach(persona -> BY_USERNAME.put(persona.username(), persona));
	}

	private final OrganisationResolver organisations;
	private final GrantedRoles grantedRoles;
	private final IdentityChanges changes;

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
		return changes.identities().get(name, () -> resolve(name));
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
