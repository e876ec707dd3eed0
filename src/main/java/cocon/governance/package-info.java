/**
 * Governance: campaigns (calendar in Europe/Paris time, envelope, eligibility), the steering committee and its members, conflicts of interest, maturity assessments, the shortlist decision, funded projects with provider, budget and roadmap, and the public decisions. Publishes {@code CampaignScheduled}, {@code CalendarChanged}, {@code ProposalsShortlisted} and {@code ProjectsFunded}.
 */
@ApplicationModule(allowedDependencies = { "shared", "governance.events", "curation.events", "voting.events", "referent-territories.events" })
package cocon.governance;

import org.springframework.modulith.ApplicationModule;
