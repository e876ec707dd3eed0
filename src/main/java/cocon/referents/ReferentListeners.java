package cocon.referents;

import java.time.Clock;
import java.time.Instant;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalRevised;
import cocon.governance.events.CampaignEvent;
import cocon.governance.events.CampaignSnapshot;
import cocon.governance.events.ProposalsShortlisted;
import cocon.shared.ProposalId;
import cocon.voting.events.SupportsRecorded;

/**
 * What this module learns from the others. Every listener is idempotent: a redelivered event changes nothing,
 * and events arriving out of order are reconciled by their dates.
 */
@Component
class ReferentListeners {

	private final CampaignCopies campaigns;
	private final ProposalTitles titles;
	private final ReferentCalls calls;
	private final Invitations invitations;
	private final ReferentTerritoriesService service;
	private final Clock clock;

	ReferentListeners(CampaignCopies campaigns, ProposalTitles titles, ReferentCalls calls,
			Invitations invitations, ReferentTerritoriesService service, Clock clock) {
		this.clock = clock;
		this.campaigns = campaigns;
		this.titles = titles;
		this.calls = calls;
		this.invitations = invitations;
		this.service = service;
	}

	/** A campaign scheduled or its calendar changed: both carry the whole campaign (ADR 0018). */
	@ApplicationModuleListener
	void on(CampaignEvent event) {
		keep(event.campaign());
	}

	/** The newest snapshot of the campaign wins, whatever order the events arrive in (ADR 0018). */
	private void keep(CampaignSnapshot campaign) {
		campaigns.keep(new CampaignRules(campaign.id(), campaign.title(), campaign.calendar().referentApplications(),
				campaign.workingGroupKinds()), campaign.asOf());
	}

	@ApplicationModuleListener
	void on(ProposalsShortlisted event) {
		service.applyShortlist(event);
	}

	@ApplicationModuleListener
	void on(ProposalPublished event) {
		titles.record(event.proposalId(), event.title(), event.publishedAt());
	}

	@ApplicationModuleListener
	void on(ProposalRevised event) {
		retitle(event.proposalId(), event.title(), event.revisedAt());
	}

	/**
	 * Who supports what, for the invitations: a supporter of a proposal whose call is open is invited at once, a
	 * collectivité that withdrew its support is no longer invited. Set-based: a few statements per batch, whatever
	 * its size.
	 */
	@ApplicationModuleListener
	void on(SupportsRecorded event) {
		invitations.record(
				event.given().stream().map(given -> new Invitations.Change(given.proposalId(), given.siren(),
						given.collectiviteName(), given.supportedAt())).toList(),
				event.withdrawn().stream().map(withdrawn -> new Invitations.Change(withdrawn.proposalId(),
						withdrawn.siren(), null, withdrawn.withdrawnAt())).toList(),
				clock.instant());
	}

	/** A revision newer than any title known also retitles the call, if the proposal has one. */
	private void retitle(ProposalId proposal, String title, Instant asOf) {
		if (titles.record(proposal, title, asOf)) {
			calls.find(proposal).ifPresent(call -> {
				call.retitle(title);
				calls.save(call);
			});
		}
	}
}
