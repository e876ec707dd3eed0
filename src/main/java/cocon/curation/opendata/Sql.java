package cocon.curation.opendata;

final class Sql {

	private Sql() {
	}

	static String outcome(String stored) {
		return switch (stored) {
			case "PENDING" -> "en-attente";
			case "GROUPED" -> "regroupee";
			case "REORIENTED" -> "reorientee";
			default -> "rejetee";
		};
	}

	/** The snapshot of a campaign's curation: the latest decision or submission, and counts that change with any. */
	static final String STATE = """
			select c.as_of,
			       (select max(greatest(x.submitted_at, x.decided_at)) from curation.contribution x where x.campaign_id = c.id) as last_contribution,
			       (select max(greatest(p.created_at, p.published_at)) from curation.proposal p where p.campaign_id = c.id) as last_proposal,
			       (select max(h.at) from curation.history h where h.campaign_id = c.id) as last_history,
			       (select count(*) from curation.history h where h.campaign_id = c.id) as history,
			       (select count(*) from curation.contribution x where x.campaign_id = c.id) as contributions,
			       c.contribution_texts_public
			from curation.campaign c where c.id = :campaign""";
}
