package cocon.identity;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.Role;

/** Who am I: the signed-in identity as every module sees it. */
@RestController
class MeApi {

	record Me(String username, String displayName, List<Role> roles, OrganisationView organisation) {
	}

	record OrganisationView(String siren, String name, String kind, String kindLabel, boolean verified,
			String departement, String region, Long population) {
	}

	@GetMapping("/api/me")
	Me me(CurrentUser user) {
		var organisation = user.organisationIfAny()
				.map(org -> new OrganisationView(org.siren().value(), org.name(), org.kind().name(), org.kind().label(),
						org.verified(), org.departement(), org.region(), org.population()))
				.orElse(null);
		return new Me(user.username(), user.displayName(), user.roles().stream().sorted().toList(), organisation);
	}
}
