/**
 * Deployment: what becomes of a funded project once the committee funded it. One service per funded project, its
 * phase (en construction, en expérimentation, disponible, généralisé, arrêté), its team named by an administrator,
 * its milestones, the budget paid out by tranche, the feedback of the experimentation territories, the catalogue of
 * services and the adoption registry, where each collectivité declares itself interested, testing, in service or
 * having abandoned. Learns everything from the other modules' events; publishes {@code ServicePhaseChanged} and
 * {@code AdoptionDeclared}.
 */
@ApplicationModule(allowedDependencies = { "shared", "governance.events", "curation.events",
		"referent-territories.events", "deployment.events" })
package cocon.deployment;

import org.springframework.modulith.ApplicationModule;
