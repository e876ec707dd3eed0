package cocon.voting.opendata;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignId;
import cocon.shared.opendata.DatasetRows;
import cocon.shared.opendata.RowSink;
import cocon.shared.opendata.Snapshot;
import cocon.shared.opendata.SqlDataset;
import cocon.shared.opendata.TableSchema;
import cocon.shared.opendata.TableSchema.Field;
import cocon.shared.opendata.TableSchema.ForeignKey;
import cocon.shared.opendata.TableSchema.Type;

/**
 * The {@code propositions} dataset: every published proposal with its number of supporting collectivités (the same
 * running tally as the public API), the population they cover, the withdrawals, and its status (published, merged into
 * another, shortlisted, funded) as the committee's events told voting.
 */
@Component
class ProposalsDataset extends SqlDataset {

	static final List<String> STATUSES = List.of("publiee", "fusionnee", "preselectionnee", "financee");

	static final TableSchema SCHEMA = new TableSchema(List.of(
			Field.of("id", Type.STRING, "Identifiant", "Identifiant de la proposition").mandatory().pattern(DatasetRows.UUID_PATTERN),
			Field.of("titre", Type.STRING, "Titre", "Titre de la proposition").mandatory(),
			Field.of("theme", Type.STRING, "Thème", "Thème de la campagne auquel elle se rattache"),
			Field.of("resume", Type.STRING, "Résumé", "Le besoin qu'elle regroupe, tel que publié"),
			Field.of("statut", Type.STRING, "Statut",
					"publiee, fusionnee (dans une autre proposition), preselectionnee (par le comité), financee")
					.mandatory().values(STATUSES),
			Field.of("fusionnee_dans", Type.STRING, "Fusionnée dans",
					"Identifiant de la proposition qui l'a absorbée, pour une proposition fusionnée").pattern(DatasetRows.UUID_PATTERN),
			Field.of("nombre_soutiens", Type.INTEGER, "Collectivités qui la soutiennent",
					"Nombre de collectivités qui la soutiennent (soutiens en vigueur)").mandatory(),
			Field.of("population_couverte", Type.INTEGER, "Population couverte",
					"Somme des populations des collectivités qui la soutiennent").mandatory(),
			Field.of("nombre_retraits", Type.INTEGER, "Soutiens retirés",
					"Nombre de soutiens retirés avant la clôture").mandatory(),
			Field.of("date_publication", Type.DATETIME, "Date de publication",
					"Instant de la publication, ISO 8601 avec le décalage horaire de Paris").mandatory()),
			List.of("id"),
			List.of(new ForeignKey(List.of("fusionnee_dans"), "propositions", List.of("id"))));

	ProposalsDataset(JdbcClient jdbc) {
		super(jdbc, "propositions", "Propositions",
				"Une ligne par proposition publiée : titre, thème, résumé, statut (publiée, fusionnée, présélectionnée, "
						+ "financée), nombre de collectivités qui la soutiennent, population couverte, nombre de soutiens "
						+ "retirés et date de publication.",
				SCHEMA);
	}

	@Override
	public Optional<Snapshot> snapshot(CampaignId campaign) {
		return querySnapshot(campaign, """
				select c.as_of,
				       (select count(*) from voting.proposal p where p.campaign_id = c.id and p.title <> '') as proposals,
				       (select max(greatest(p.content_as_of, p.merged_at)) from voting.proposal p where p.campaign_id = c.id) as last_content,
				       (select coalesce(sum(t.support_count), 0) from voting.tally t
				          join voting.proposal p on p.id = t.proposal_id where p.campaign_id = c.id) as supports,
				       (select count(*) from voting.support_history h where h.campaign_id = c.id) as ended,
				       (select max(h.ended_at) from voting.support_history h where h.campaign_id = c.id) as last_ended,
				       (select max(s.supported_at) from voting.support s where s.campaign_id = c.id) as last_given,
				       (select count(*) from voting.decision_copy d where d.campaign_id = c.id) as decisions,
				       (select max(d.decided_at) from voting.decision_copy d where d.campaign_id = c.id) as last_decided
				from voting.campaign c where c.id = :campaign""",
				rs -> {
					var last = DatasetRows.latest(rs, "as_of", "last_content", "last_ended", "last_given", "last_decided");
					long proposals = rs.getLong("proposals");
					return Snapshot.counting(last, proposals, proposals, rs.getLong("supports"), rs.getLong("ended"),
							rs.getLong("decisions"));
				});
	}

	@Override
	public void rows(CampaignId campaign, RowSink sink) {
		queryRows(campaign, sink, """
				with latest_shortlist as (
				  select d.decision_id from voting.decision_copy d
				   where d.campaign_id = :campaign and d.kind = 'SHORTLISTED'
				     and not exists (select 1 from voting.decision_copy o where o.supersedes = d.decision_id)
				   order by d.decided_at desc limit 1
				)
				select p.id, p.title, p.theme, p.summary, p.merged_into, p.published_at,
				       coalesce((select sum(t.support_count) from voting.tally t where t.proposal_id = p.id), 0) as supports,
				       coalesce((select sum(t.population) from voting.tally t where t.proposal_id = p.id), 0) as population,
				       (select count(*) from voting.support_history h
				         where h.proposal_id = p.id and h.reason = 'WITHDRAWN') as withdrawals,
				       exists (select 1 from voting.decision_copy d
				                where d.proposal_id = p.id and d.kind = 'FUNDED') as funded,
				       exists (select 1 from voting.decision_copy d join latest_shortlist l on l.decision_id = d.decision_id
				                where d.proposal_id = p.id and d.kind = 'SHORTLISTED') as shortlisted
				from voting.proposal p
				where p.campaign_id = :campaign and p.title <> ''
				order by p.id""",
				rs -> {
					var mergedInto = DatasetRows.uuid(rs, "merged_into");
					var status = rs.getBoolean("funded") ? "financee"
							: rs.getBoolean("shortlisted") ? "preselectionnee"
									: mergedInto != null ? "fusionnee" : "publiee";
					return new Object[] { DatasetRows.uuid(rs, "id"), rs.getString("title"),
							Codes.blankToNull(rs.getString("theme")), Codes.blankToNull(rs.getString("summary")), status,
							mergedInto, rs.getLong("supports"), rs.getLong("population"), rs.getLong("withdrawals"),
							DatasetRows.instant(rs, "published_at") };
				});
	}
}
