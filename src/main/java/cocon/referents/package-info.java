/**
 * Referent territories: the calls for expressions of interest opened for every shortlisted proposal, the applications of collectivités, the working groups with their sessions, and the experimentation territories. Publishes {@code ReferentTerritoryJoined} and {@code WorkingGroupFormed}.
 */
@ApplicationModule(id = "referent-territories", allowedDependencies = { "shared", "governance.events", "curation.events", "voting.events", "referent-territories.events" })
package cocon.referents;

import org.springframework.modulith.ApplicationModule;
