package cocon.governance;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cocon.curation.events.ProposalPublished;
import cocon.curation.events.ProposalRevised;
import cocon.curation.events.ProposalsMerged;
import cocon.voting.events.SupportsClosed;
import cocon.voting.events.SupportsRecorded;

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

	/** The live counts of supports, as voting counted them: the whole batch in one statement. */
	@ApplicationModuleListener
	void on(SupportsRecorded event) {
		book.counted(event.campaignId(), event.position(), event.counts().stream()
				.map(c -> new ProposalBook.Tally(c.proposalId(), c.supportCount(), c.byKind(), c.populationCovered()))
				.toList());
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
