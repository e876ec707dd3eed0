package cocon.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cocon.shared.Siret;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;

/**
 * Turns the verified claims of ProConnect's userinfo into the {@link CurrentUser}: the Cocon user of that ProConnect
 * account ({@link Accounts}, ADR 0033: one agent is one Cocon user whatever identity provider they come through), the
 * {@code siret} claim (14 digits, Luhn, La Poste's rule) gives the organisation through its SIREN, and the roles are
 * agent plus what an administrator granted — the first administrators ({@code COCON_ADMINISTRATORS}) being granted
 * theirs at their first sign-in ({@link Administrators}). A staff role needs a multi-factor sign-in (issue 20, point 9).
 */
class ProConnectIdentities {

	/** The Cocon user name of a ProConnect account: its identity provider, its subject, its e-mail. */
	@FunctionalInterface
	interface Accounts {

		String username(String idpId, String subject, String email);
	}

	/** Grants the administrator role to a first administrator at their first sign-in; whether it did now. */
	@FunctionalInterface
	interface Administrators {

		boolean bind(String username, String subject, String email);
	}

	private final OrganisationResolver organisations;
	private final GrantedRoles grantedRoles;
	private final Accounts accounts;
	private final Administrators administrators;
	private final Set<Role> mfaRoles;
	private final List<String> mfaAcrValues;
	/** Whether the person sits on a current committee and so needs the second factor too (none when not asked). */
	private final java.util.function.Predicate<String> seatNeedingMfa;

	ProConnectIdentities(OrganisationResolver organisations, GrantedRoles grantedRoles, Accounts accounts,
			Administrators administrators, Set<Role> mfaRoles, List<String> mfaAcrValues,
			java.util.function.Predicate<String> seatNeedingMfa) {
		this.organisations = organisations;
		this.grantedRoles = grantedRoles;
		this.accounts = accounts;
		this.administrators = administrators;
		this.mfaRoles = Set.copyOf(mfaRoles);
		this.mfaAcrValues = List.copyOf(mfaAcrValues);
		this.seatNeedingMfa = seatNeedingMfa;
	}

	/**
	 * @param claims the verified claims of the userinfo
	 * @param acr the authentication level of the verified ID token ({@literal null} when ProConnect gave none)
	 */
	CurrentUser currentUser(Map<String, Object> claims, String acr) {
		String subject = text(claims, "sub");
		if (subject == null) {
			throw UserInfoTokenVerifier.refused("L'identité ProConnect n'a pas d'identifiant (sub).");
		}
		String siret = text(claims, "siret");
		if (!Siret.isValid(siret)) {
			throw new ProConnectRefusal(SignInFailure.NO_SIRET, subject,
					siret == null ? "pas de SIRET dans l'identité" : "SIRET invalide dans l'identité");
		}
		String email = text(claims, "email");
		String username = accounts.username(text(claims, "idp_id"), subject, email);
		var organisation = organisations.resolve(new Siret(siret).siren(), username);
		String name = Stream.of(text(claims, "given_name"), text(claims, "usual_name"))
				.filter(part -> part != null)
				.collect(Collectors.joining(" "));
		var roles = EnumSet.of(Role.AGENT);
		roles.addAll(grantedRoles.of(username));
		if (administrators.bind(username, subject, email)) {
			roles.add(Role.ADMINISTRATOR);
		}
		if (acr == null || !mfaAcrValues.contains(acr)) {
			if (!Collections.disjoint(roles, mfaRoles)) {
				throw new ProConnectRefusal(SignInFailure.MFA_REQUIRED, subject, "rôle " + roles.stream()
						.filter(mfaRoles::contains).map(Role::name).sorted().collect(Collectors.joining(", "))
						+ " sans double authentification (acr " + acr + ")");
			}
			if (seatNeedingMfa.test(username)) {
				throw new ProConnectRefusal(SignInFailure.MFA_REQUIRED, subject,
						"siège au comité de pilotage sans double authentification (acr " + acr + ")");
			}
		}
		return new CurrentUser(username, name.isBlank() ? (email == null ? subject : email) : name, email, roles, organisation);
	}

	private static String text(Map<String, Object> claims, String name) {
		Object value = claims.get(name);
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}
}
