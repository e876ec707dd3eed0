package cocon.governance;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalRevised;
import cocon.curation.events.ProposalsMerged;
import cocon.voting.events.SupportGiven;
import cocon.voting.events.SupportWithdrawn;
import cocon.voting.events.SupportsClosed;

/** Keeps governance's copy of proposals and supports from curation's and voting's events (idempotently). */
@Component
class GovernanceListeners {

	private final ProposalBook book;

	GovernanceListeners(ProposalBook book) {
		this.book = book;
	}

	@ApplicationModuleListener
	void on(ProposalPublished event) {
		book.published(event.proposalId(), event.campaignId(), event.title(), event.summary(), event.theme(),
				event.publishedAt());
	}

	@ApplicationModuleListener
	void on(ProposalRevised event) {
		book.revised(event.proposalId(), event.campaignId(), event.title(), event.summary(), event.theme(),
				event.revisedAt());
	}

	@ApplicationModuleListener
	void on(ProposalsMerged event) {
		book.merged(event.survivorId(), event.absorbedId());
	}

	@ApplicationModuleListener
	void on(SupportGiven event) {
		book.supportGiven(event.proposalId(), event.campaignId(), event.siren(), event.kind(), event.supportedAt());
	}

	@ApplicationModuleListener
	void on(SupportWithdrawn event) {
		book.supportWithdrawn(event.proposalId(), event.campaignId(), event.siren(), event.withdrawnAt());
	}

	@ApplicationModuleListener
	void on(SupportsClosed event) {
		book.supportsClosed(event.campaignId(), event.totalSupports(), event.closedAt(),
				event.tallies().stream()
						.map(t -> new ProposalBook.Tally(t.proposalId(), t.supportCount(),
								t.byKind() == null ? java.util.Map.of() : t.byKind(), t.populationCovered()))
						.toList());
	}
}
