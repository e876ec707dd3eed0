/**
 * Voting: supports of collectivités for published proposals inside the support window, one per collectivité per proposal, withdrawal before the close, eligibility from the campaign and the directory, public tallies, ranking and breakdowns. Publishes {@code SupportsRecorded} (the supports given and withdrawn, in batches, ADR 0008) and {@code SupportsClosed} (the final tally).
 */
@ApplicationModule(allowedDependencies = { "shared", "governance.events", "curation.events", "voting.events" })
package cocon.voting;

import org.springframework.modulith.ApplicationModule;
