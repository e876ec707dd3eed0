/**
 * Curation: the triage queue of contributions with similar-contribution suggestions, grouping into proposals, reorientation to an existing programme, rejection as ineligible, proposal editing, merging and publication, and the curation funnel report. Publishes {@code ContributionGrouped}, {@code ContributionReoriented}, {@code ContributionRejected}, {@code ProposalPublished}, {@code ProposalRevised} and {@code ProposalsMerged}.
 */
@ApplicationModule(allowedDependencies = { "shared", "curation.events", "governance.events", "intake.events" })
package cocon.curation;

import org.springframework.modulith.ApplicationModule;
