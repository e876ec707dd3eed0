package cocon.voting;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.ProposalId;
import cocon.shared.ProposalSupports;
import cocon.shared.Siren;
import cocon.shared.Window;

/** Voting's answer to the pages of other modules: a proposal's count from the running tally, and the viewer's support. */
@Component
class ProposalSupportsView implements ProposalSupports {

	private final Standings standings;
	private final JdbcClient jdbc;

	ProposalSupportsView(Standings standings, JdbcClient jdbc) {
		this.standings = standings;
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Summary> of(ProposalId proposal, Siren viewer) {
		var summary = standings.proposal(proposal);
		if (summary.isEmpty()) {
			return Optional.empty();
		}
		var campaign = standings.campaign(new cocon.shared.CampaignId(summary.get().campaignId()));
		if (campaign.isEmpty()) {
			return Optional.empty();
		}
		Instant since = viewer == null ? null
				: jdbc.sql("select supported_at from voting.support where proposal_id = ? and siren = ?")
						.params(proposal.id(), viewer.value())
						.query((rs, n) -> Supports.instant(rs, "supported_at")).optional().orElse(null);
		Window window = campaign.get().supports();
		return Optional.of(new Summary(summary.get().supportCount(), window, since));
	}
}
