package cocon.identity;

import cocon.shared.Siren;
import cocon.shared.identity.Organisation;

/** Resolves the organisation of a person signing in from its SIREN. */
@FunctionalInterface
interface OrganisationResolver {

	Organisation resolve(Siren siren, String username);
}
