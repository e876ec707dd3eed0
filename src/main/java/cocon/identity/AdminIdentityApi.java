package cocon.identity;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cocon.shared.CollectiviteKind;
import cocon.shared.Refusal;
import cocon.shared.Siren;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Administration of identities: the staff roles (administrator, curator) granted to people, and the verification of
 * organisations the directory does not know. Every decision records who took it and when; nothing is deleted.
 * Committee membership is per campaign and managed by governance.
 */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdminIdentityApi {

	private final RoleGrants grants;
	private final Organisations organisations;

	private final cocon.shared.identity.KnownIdentities identities;

	AdminIdentityApi(RoleGrants grants, Organisations organisations,
			cocon.shared.identity.KnownIdentities identities) {
		this.grants = grants;
		this.organisations = organisations;
		this.identities = identities;
	}

	record GrantView(String username, Role role, String grantedBy, Instant grantedAt, String revokedBy,
			Instant revokedAt) {

		static GrantView of(RoleGrants.RoleGrant grant) {
			return new GrantView(grant.username(), grant.role(), grant.grantedBy(), grant.grantedAt(),
					grant.revokedBy(), grant.revokedAt());
		}
	}

	record VerificationRequest(
			@NotBlank(message = "{platform.organisation.name.required}") @Size(max = 300, message = "{platform.organisation.name.size}") String name,
			@NotNull(message = "{platform.organisation.kind.required}") CollectiviteKind kind) {
	}

	record VerificationView(String siren, String name, CollectiviteKind kind, String verifiedBy, Instant verifiedAt) {
	}

	record PendingView(String siren, String firstUsername, Instant firstSeenAt, Instant lastSeenAt) {
	}

	/** Roles in force, or the whole history of one person with {@code ?username=}. */
	@GetMapping("/roles")
	List<GrantView> roles(@RequestParam(required = false) String username) {
		var list = username == null || username.isBlank() ? grants.inForce() : grants.history(username.strip());
		return list.stream().map(GrantView::of).toList();
	}

	@PutMapping("/roles/{username}/{role}")
	GrantView grant(@PathVariable String username, @PathVariable String role, CurrentUser admin) {
		var name = checkedUsername(username);
		var granted = grantable(role);
		if (!identities.isKnown(name)) {
			// a role given to a mistyped name would wait silently for someone who never comes
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "Aucune personne d'identifiant « " + name
					+ " » ne s'est connectée à Cocon : une personne doit se connecter une fois avant de recevoir un rôle.");
		}
		return GrantView.of(grants.grant(name, granted, admin.username()));
	}

	@DeleteMapping("/roles/{username}/{role}")
	ResponseEntity<Void> revoke(@PathVariable String username, @PathVariable String role, CurrentUser admin) {
		var revoked = grantable(role);
		var name = checkedUsername(username);
		if (revoked == Role.ADMINISTRATOR && name.equals(admin.username())) {
			throw new Refusal.Conflict("Un administrateur ne peut pas retirer son propre rôle d'administrateur.");
		}
		if (!grants.revoke(name, revoked, admin.username())) {
			throw new Refusal.NotFound("Aucun rôle « " + revoked.name() + " » attribué à « " + name + " » n'est en vigueur.");
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/organisations/pending")
	List<PendingView> pending() {
		return organisations.pending().stream()
				.map(p -> new PendingView(p.siren().value(), p.firstUsername(), p.firstSeenAt(), p.lastSeenAt()))
				.toList();
	}

	@PutMapping("/organisations/{siren}/verification")
	VerificationView verify(@PathVariable String siren, @Valid @RequestBody VerificationRequest request,
			CurrentUser admin) {
		var verified = organisations.verify(new Siren(siren), request.name(), request.kind(), admin.username());
		return new VerificationView(verified.siren().value(), verified.name(), verified.kind(), verified.verifiedBy(),
				verified.verifiedAt());
	}

	@GetMapping("/organisations/{siren}/verification")
	VerificationView verification(@PathVariable String siren) {
		return organisations.verification(new Siren(siren))
				.map(v -> new VerificationView(v.siren().value(), v.name(), v.kind(), v.verifiedBy(), v.verifiedAt()))
				.orElseThrow(() -> new Refusal.NotFound("Aucune vérification n'a été enregistrée pour le SIREN " + siren + "."));
	}

	private static Role grantable(String role) {
		Role parsed;
		try {
			parsed = Role.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			parsed = null;
		}
		if (parsed != Role.ADMINISTRATOR && parsed != Role.CURATOR) {
			throw new Refusal.Invalid("Seuls les rôles ADMINISTRATOR et CURATOR "
					+ "s'attribuent ici (le rôle d'agent vient de l'organisation, l'appartenance à un comité se gère "
					+ "par campagne).");
		}
		return parsed;
	}

	private static String checkedUsername(String username) {
		var name = username.strip();
		if (name.isEmpty() || name.length() > 255) {
			throw new Refusal.Invalid("L'identifiant de la personne est invalide.");
		}
		return name;
	}
}
