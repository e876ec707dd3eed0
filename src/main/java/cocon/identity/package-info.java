/**
 * Identity, a technical module: who is signed in and what they may do. Production sign-in through ProConnect
 * (OpenID Connect, the organisation from the {@code siret} claim), the demo personas of the embedded default, the
 * known identities, role grants and their administration, the verification of organisations the directory does not
 * know, the per-address rate limits, the sessions kept in PostgreSQL, and each person's rights on their personal
 * data. It gives controllers the signed-in {@code CurrentUser} of the shared kernel and publishes no event.
 */
@ApplicationModule(allowedDependencies = { "shared", "web", "platform" })
package cocon.identity;

import org.springframework.modulith.ApplicationModule;
