/**
 * Intake: the campaign's call for contributions. Territorial actors (élus, agents, partenaires) submit their needs inside the contribution window, curators import contributions gathered elsewhere from CSV, and every contributor follows what became of theirs and is told by e-mail; while a contribution waits to be triaged its author may correct or withdraw it. Personal data (name, e-mail, function) never leaves this module. Publishes {@code ContributionSubmitted}, {@code ContributionRevised} and {@code ContributionWithdrawn}.
 */
@ApplicationModule(allowedDependencies = { "shared", "intake.events", "governance.events", "curation.events" })
package cocon.intake;

import org.springframework.modulith.ApplicationModule;
