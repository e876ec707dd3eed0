package cocon.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.CollectiviteKind;
import cocon.shared.Refusal;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.KnownIdentities;
import cocon.shared.identity.Role;

/**
 * The administrator's pages over the same services as {@code /api/admin}: staff roles (grant, revoke with
 * confirmation, history) and the verification of organisations unknown to the directory.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdminPages {

	static final List<Role> GRANTABLE = List.of(Role.CURATOR, Role.ADMINISTRATOR);

	private final RoleGrants grants;
	private final Organisations organisations;
	private final KnownIdentities identities;

	AdminPages(RoleGrants grants, Organisations organisations, KnownIdentities identities) {
		this.grants = grants;
		this.organisations = organisations;
		this.identities = identities;
	}

	/** A form error: the field's id (for the summary's link) and the French message. */
	record FieldError(String field, String message) {
	}

	record GrantRow(String username, Role role, String roleLabel, String grantedBy, String grantedAt,
			String revokedBy, String revokedAt) {

		static GrantRow of(RoleGrants.RoleGrant grant) {
			return new GrantRow(grant.username(), grant.role(), label(grant.role()), grant.grantedBy(),
					cocon.shared.FrenchDates.dateTime(grant.grantedAt()), grant.revokedBy(),
					grant.revokedAt() == null ? null : cocon.shared.FrenchDates.dateTime(grant.revokedAt()));
		}
	}

	record PendingRow(String siren, String firstUsername, String firstSeenAt, String lastSeenAt) {
	}

	static String label(Role role) {
		return switch (role) {
			case ADMINISTRATOR -> "Administrateur";
			case CURATOR -> "Curateur (ANCT)";
			default -> role.name();
		};
	}

	// Roles -------------------------------------------------------------------------------------------------

	@GetMapping("/admin/roles")
	String roles(@RequestParam(required = false) String historique, Model model) {
		return rolesPage(historique, "", null, List.of(), model);
	}

	private String rolesPage(String historique, String username, String role, List<FieldError> errors, Model model) {
		model.addAttribute("grants", grants.inForce().stream().map(GrantRow::of).toList());
		var person = historique == null ? "" : historique.strip();
		model.addAttribute("historique", person);
		model.addAttribute("history",
				person.isEmpty() ? null : grants.history(person).stream().map(GrantRow::of).toList());
		model.addAttribute("roles", GRANTABLE.stream().map(r -> new RoleOption(r.name(), label(r))).toList());
		model.addAttribute("username", username);
		model.addAttribute("role", role);
		model.addAttribute("errors", errors);
		return "identity/admin/roles";
	}

	record RoleOption(String value, String label) {
	}

	@PostMapping("/admin/roles")
	String grant(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String role,
			CurrentUser admin, Model model, RedirectAttributes redirect) {
		var errors = new ArrayList<FieldError>();
		var name = username.strip();
		if (name.isEmpty()) {
			errors.add(new FieldError("username", "Indiquez l'identifiant de la personne."));
		}
		else if (name.length() > 255) {
			errors.add(new FieldError("username", "L'identifiant compte au plus 255 caractères."));
		}
		else if (!identities.isKnown(name)) {
			errors.add(new FieldError("username", "Aucune personne d'identifiant « " + name
					+ " » ne s'est connectée à Cocon : vérifiez l'identifiant ; une personne doit se connecter une fois avant de recevoir un rôle."));
		}
		var granted = grantable(role);
		if (granted == null) {
			errors.add(new FieldError("role", "Choisissez le rôle à attribuer : curateur ou administrateur."));
		}
		if (!errors.isEmpty()) {
			return rolesPage(null, username, role, errors, model);
		}
		grants.grant(name, granted, admin.username());
		redirect.addFlashAttribute("success", "Le rôle « " + label(granted) + " » est attribué à " + name + ".");
		return "redirect:/admin/roles";
	}

	@GetMapping("/admin/roles/retrait")
	String confirmRevocation(@RequestParam String username, @RequestParam String role, CurrentUser admin,
			Model model) {
		var revoked = inForce(username, role, admin);
		model.addAttribute("grant", GrantRow.of(revoked));
		model.addAttribute("error", null);
		return "identity/admin/revoke";
	}

	@PostMapping("/admin/roles/retrait")
	String revoke(@RequestParam String username, @RequestParam String role,
			@RequestParam(required = false) String confirmation, CurrentUser admin, Model model,
			RedirectAttributes redirect) {
		var revoked = inForce(username, role, admin);
		if (confirmation == null) {
			model.addAttribute("grant", GrantRow.of(revoked));
			model.addAttribute("error", "Cochez la case de confirmation pour retirer ce rôle.");
			return "identity/admin/revoke";
		}
		grants.revoke(revoked.username(), revoked.role(), admin.username());
		redirect.addFlashAttribute("success",
				"Le rôle « " + label(revoked.role()) + " » de " + revoked.username() + " est retiré.");
		return "redirect:/admin/roles";
	}

	private RoleGrants.RoleGrant inForce(String username, String role, CurrentUser admin) {
		var revoked = grantable(role);
		var name = username.strip();
		if (revoked == null) {
			throw new Refusal.Invalid("Seuls les rôles ADMINISTRATOR et CURATOR se retirent ici.");
		}
		if (revoked == Role.ADMINISTRATOR && name.equals(admin.username())) {
			throw new Refusal.Conflict("Un administrateur ne peut pas retirer son propre rôle d'administrateur.");
		}
		return grants.history(name).stream().filter(g -> g.role() == revoked && g.inForce()).findFirst()
				.orElseThrow(() -> new Refusal.NotFound("Aucun rôle « " + label(revoked) + " » attribué à « " + name + " » n'est en vigueur."));
	}

	private static Role grantable(String role) {
		try {
			var parsed = Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
			return GRANTABLE.contains(parsed) ? parsed : null;
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	// Organisations -----------------------------------------------------------------------------------------

	@GetMapping("/admin/organisations")
	String organisations(Model model) {
		model.addAttribute("pending", organisations.pending().stream()
				.map(p -> new PendingRow(p.siren().value(), p.firstUsername(), cocon.shared.FrenchDates.dateTime(p.firstSeenAt()),
						cocon.shared.FrenchDates.dateTime(p.lastSeenAt())))
				.toList());
		return "identity/admin/organisations";
	}

	@GetMapping("/admin/organisations/{siren}")
	String verificationForm(@PathVariable String siren, Model model) {
		var checked = siren(siren);
		var verified = organisations.verification(checked);
		return verificationPage(checked, verified.map(Organisations.Verification::name).orElse(""),
				verified.map(v -> v.kind().name()).orElse(""), List.of(), model);
	}

	private String verificationPage(Siren siren, String name, String kind, List<FieldError> errors, Model model) {
		var pending = organisations.pending().stream().filter(p -> p.siren().equals(siren)).findFirst();
		model.addAttribute("siren", siren.value());
		model.addAttribute("firstUsername", pending.map(Organisations.Pending::firstUsername).orElse(null));
		model.addAttribute("verification", organisations.verification(siren)
				.map(v -> v.name() + " (" + v.kind().label() + "), vérifiée par " + v.verifiedBy() + " le "
						+ cocon.shared.FrenchDates.dateTime(v.verifiedAt()))
				.orElse(null));
		model.addAttribute("name", name);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", CollectiviteKind.values());
		model.addAttribute("errors", errors);
		return "identity/admin/verify";
	}

	@PostMapping("/admin/organisations/{siren}")
	String verify(@PathVariable String siren, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String kind, @RequestParam(required = false) String confirmation,
			CurrentUser admin, Model model, RedirectAttributes redirect) {
		var checked = siren(siren);
		var errors = new ArrayList<FieldError>();
		if (name.isBlank()) {
			errors.add(new FieldError("name", "Indiquez le nom de l'organisation."));
		}
		else if (name.strip().length() > 300) {
			errors.add(new FieldError("name", "Le nom compte au plus 300 caractères."));
		}
		CollectiviteKind parsed = null;
		try {
			parsed = CollectiviteKind.valueOf(kind);
		}
		catch (IllegalArgumentException unknown) {
			errors.add(new FieldError("kind", "Choisissez la nature de l'organisation."));
		}
		if (confirmation == null) {
			errors.add(new FieldError("confirmation", "Cochez la case de confirmation pour vérifier l'organisation."));
		}
		if (!errors.isEmpty()) {
			return verificationPage(checked, name, kind, errors, model);
		}
		var verified = organisations.verify(checked, name, parsed, admin.username());
		redirect.addFlashAttribute("success", "L'organisation « " + verified.name() + " » (SIREN "
				+ checked.value() + ") est vérifiée : ses agents la verront à leur prochaine connexion.");
		return "redirect:/admin/organisations";
	}

	private static Siren siren(String siren) {
		try {
			return new Siren(siren);
		}
		catch (IllegalArgumentException invalid) {
			throw new Refusal.NotFound("Aucune organisation n'a le SIREN " + siren + ".");
		}
	}
}
