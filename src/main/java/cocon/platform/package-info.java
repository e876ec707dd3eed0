/**
 * Platform: what every module stands on without owning it. Sign-in (ProConnect OpenID Connect in production,
 * demo personas in the embedded default), the signed-in identity given to controllers, roles and the
 * verification of organisations unknown to the directory, the page shell in the State's design system (DSFR),
 * RFC 9457 problem details for every API error, the embedded PostgreSQL of the default run, and the public facts
 * of the modules sent to integrators (it reads the published events of voting, governance and referents for that
 * only, ADR 0024).
 */
@ApplicationModule(allowedDependencies = { "shared", "voting.events", "governance.events", "referent-territories.events" })
package cocon.platform;

import org.springframework.modulith.ApplicationModule;
