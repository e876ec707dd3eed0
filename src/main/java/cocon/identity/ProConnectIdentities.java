package cocon.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cocon.shared.Siret;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;

/**
 * Turns the verified claims of ProConnect's userinfo into the {@link CurrentUser}: the subject is the user name,
 * the {@code siret} claim (14 digits, Luhn, La Poste's rule) gives the organisation through its SIREN, and the
 * roles are agent plus what an administrator granted.
 */
class ProConnectIdentities {

	private final OrganisationResolver organisations;
	private final GrantedRoles grantedRoles;
	private final Set<String> administrators;

	/**
	 * @param administrators subjects or e-mail addresses of the people who are administrators from their first
	 * sign-in ({@code COCON_ADMINISTRATORS}), so that a new instance has someone to grant the other roles
	 */
	ProConnectIdentities(OrganisationResolver organisations, GrantedRoles grantedRoles, Set<String> administrators) {
		this.organisations = organisations;
		this.grantedRoles = grantedRoles;
		this.administrators = administrators.stream().map(String::strip).filter(a -> !a.isEmpty())
				.map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
	}

	CurrentUser currentUser(Map<String, Object> claims) {
		String subject = text(claims, "sub");
		if (subject == null) {
			throw UserInfoTokenVerifier.refused("L'identité ProConnect n'a pas d'identifiant (sub).");
		}
		String siret = text(claims, "siret");
		if (!Siret.isValid(siret)) {
			throw UserInfoTokenVerifier.refused("Le SIRET de l'organisation transmis par ProConnect est absent ou invalide.");
		}
		var organisation = organisations.resolve(new Siret(siret).siren(), subject);
		String email = text(claims, "email");
		String name = Stream.of(text(claims, "given_name"), text(claims, "usual_name"))
				.filter(part -> part != null)
				.collect(Collectors.joining(" "));
		var roles = EnumSet.of(Role.AGENT);
		roles.addAll(grantedRoles.of(subject));
		if (administrators.contains(subject.toLowerCase(Locale.ROOT))
				|| (email != null && administrators.contains(email.toLowerCase(Locale.ROOT)))) {
			roles.add(Role.ADMINISTRATOR);
		}
		return new CurrentUser(subject, name.isBlank() ? (email == null ? subject : email) : name, email, roles, organisation);
	}

	private static String text(Map<String, Object> claims, String name) {
		Object value = claims.get(name);
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}
}
