/**
 * Platform: what every module stands on without owning it. Sign-in (ProConnect OpenID Connect in production,
 * demo personas in the embedded default), the signed-in identity given to controllers, roles and the
 * verification of organisations unknown to the directory, the page shell in the State's design system (DSFR),
 * RFC 9457 problem details for every API error, and the embedded PostgreSQL of the default run.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package cocon.platform;

import org.springframework.modulith.ApplicationModule;
