package cocon.curation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.Timestamps;

/** Read models: the curation funnel of a campaign, proposals as the public and curators see them. */
@Component
@Transactional(readOnly = true)
class CurationReports {

	/** The funnel; {@code received = pending + grouped + reoriented + rejected} always (invariant 3). */
	record Report(long received, long pending, long grouped, long reoriented, long rejected, long proposals,
			long publishedProposals) {
	}

	record ProposalView(UUID id, UUID campaignId, String title, String summary, String theme, String status,
			UUID mergedInto, String createdBy, Instant createdAt, Instant publishedAt, long contributions,
			List<OrganisationView> organisations) {

		public String statusLabel() {
			return Proposal.Status.valueOf(status).label();
		}

		public boolean published() {
			return "PUBLISHED".equals(status);
		}

		public boolean merged() {
			return "MERGED".equals(status);
		}
	}

	record OrganisationView(String siren, String name, String kind, long contributions) {

		public String kindLabel() {
			return cocon.shared.CollectiviteKind.valueOf(kind).label();
		}
	}

	record ContributionView(UUID id, String title, String need, String theme, String organisationSiren,
			String organisationName, Instant submittedAt, String outcome, UUID proposalId) {
	}

	record ProposalSummary(UUID id, String title, String theme, String status, long contributions) {

		public String statusLabel() {
			return Proposal.Status.valueOf(status).label();
		}
	}

	private final JdbcClient jdbc;

	CurationReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One statement, hence one snapshot: the figures always add up. */
	Report report(CampaignId campaign) {
		return jdbc.sql("""
				select count(c.id) as received,
				       count(c.id) filter (where c.outcome = 'PENDING') as pending,
				       count(c.id) filter (where c.outcome = 'GROUPED') as grouped,
				       count(c.id) filter (where c.outcome = 'REORIENTED') as reoriented,
				       count(c.id) filter (where c.outcome = 'REJECTED') as rejected,
				       p.proposals, p.published_proposals
				from (select count(*) filter (where status <> 'MERGED') as proposals,
				             count(*) filter (where status = 'PUBLISHED') as published_proposals
				      from curation.proposal where campaign_id = :campaign) p
				left join curation.contribution c on c.campaign_id = :campaign
				group by p.proposals, p.published_proposals""").param("campaign", campaign.id())
				.query(Report.class).single();
	}

	java.util.Optional<ProposalView> proposal(ProposalId id) {
		return jdbc.sql("""
				select p.id, p.campaign_id, p.title, p.summary, p.theme, p.status, p.merged_into, p.created_by,
				       p.created_at, p.published_at,
				       (select count(*) from curation.contribution c where c.proposal_id = p.id) as contributions
				from curation.proposal p where p.id = ?""").param(id.id())
				.query((rs, row) -> new ProposalView(rs.getObject("id", UUID.class),
						rs.getObject("campaign_id", UUID.class), rs.getString("title"), rs.getString("summary"),
						rs.getString("theme"), rs.getString("status"), rs.getObject("merged_into", UUID.class),
						rs.getString("created_by"), Timestamps.instant(rs, "created_at"),
						Timestamps.instant(rs, "published_at"), rs.getLong("contributions"), organisations(id)))
				.optional();
	}

	/** The contributors' organisations: the first natural supporters of the proposal. */
	List<OrganisationView> organisations(ProposalId id) {
		return jdbc.sql("""
				select organisation_siren as siren, min(organisation_name) as name, min(organisation_kind) as kind,
				       count(*) as contributions
				from curation.contribution where proposal_id = ?
				group by organisation_siren order by name, siren""").param(id.id()).query(OrganisationView.class).list();
	}

	List<ContributionView> contributions(ProposalId id) {
		return jdbc.sql("""
				select id, title, need, theme, organisation_siren, organisation_name, submitted_at, outcome, proposal_id
				from curation.contribution where proposal_id = ? order by submitted_at, id""").param(id.id())
				.query(ContributionView.class).list();
	}

	List<ProposalSummary> proposals(CampaignId campaign) {
		return jdbc.sql("""
				select p.id, p.title, p.theme, p.status,
				       (select count(*) from curation.contribution c where c.proposal_id = p.id) as contributions
				from curation.proposal p where p.campaign_id = ? and p.status <> 'MERGED'
				order by p.theme, p.title""").param(campaign.id()).query(ProposalSummary.class).list();
	}
}
