package cocon.governance.opendata;

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
 * The {@code decisions} dataset: one row per proposal retained by a decision of the committee (shortlist, funding).
 * Members appear as the committee publishes them, by organisation; their names stay in governance.
 */
@Component
class DecisionsDataset extends SqlDataset {

	static final TableSchema SCHEMA = new TableSchema(List.of(
			Field.of("decision_id", Type.STRING, "Décision", "Identifiant de la décision").mandatory()
					.pattern(DatasetRows.UUID_PATTERN),
			Field.of("type", Type.STRING, "Type", "preselection (propositions retenues) ou financement (projets financés)")
					.mandatory().values(List.of("preselection", "financement")),
			Field.of("date_decision", Type.DATETIME, "Date de la décision",
					"Instant de la décision, ISO 8601 avec le décalage horaire de Paris").mandatory(),
			Field.of("motifs", Type.STRING, "Motifs", "Les motifs publiés par le comité (présélection)"),
			Field.of("rectifie", Type.STRING, "Décision rectifiée",
					"Identifiant de la décision que celle-ci rectifie et remplace").pattern(DatasetRows.UUID_PATTERN),
			Field.of("proposition_id", Type.STRING, "Proposition", "Identifiant de la proposition retenue").mandatory()
					.pattern(DatasetRows.UUID_PATTERN),
			Field.of("proposition_titre", Type.STRING, "Titre de la proposition", "Titre au moment de la décision")
					.mandatory(),
			Field.of("organisations_presentes", Type.STRING, "Organisations présentes",
					"Organisations des membres présents, séparées par « ; »"),
			Field.of("organisations_deportees", Type.STRING, "Organisations déportées",
					"Organisations des membres qui se sont retirés de cette proposition pour conflit d'intérêts, séparées par « ; »")),
			List.of("decision_id", "proposition_id"),
			List.of(new ForeignKey(List.of("proposition_id"), "propositions", List.of("id"))));

	DecisionsDataset(JdbcClient jdbc) {
		super(jdbc, "decisions", "Décisions du comité",
				"Une ligne par proposition retenue par une décision du comité de pilotage : présélection (avec ses "
						+ "motifs, les organisations présentes et celles qui se sont déportées pour conflit d'intérêts) et "
						+ "financement (les propositions auxquelles répondent les projets financés ce jour-là).",
				SCHEMA);
	}

	@Override
	public Optional<Snapshot> snapshot(CampaignId campaign) {
		return querySnapshot(campaign, """
				select c.created_at,
				       (select count(*) from governance.shortlist_item i join governance.shortlist_decision d
				          on d.id = i.decision_id where d.campaign_id = c.id) as shortlisted,
				       (select count(distinct (f.decision_id, f.proposal_id)) from governance.funded_project f
				         where f.campaign_id = c.id) as funded,
				       (select max(d.decided_at) from governance.shortlist_decision d where d.campaign_id = c.id) as last_shortlist,
				       (select max(f.decided_at) from governance.funded_project f where f.campaign_id = c.id) as last_funding
				from governance.campaign c where c.id = :campaign""",
				rs -> new Snapshot(DatasetRows.latest(rs, "created_at", "last_shortlist", "last_funding"),
						rs.getLong("shortlisted") + rs.getLong("funded")));
	}

	@Override
	public void rows(CampaignId campaign, RowSink sink) {
		queryRows(campaign, sink, """
				select * from (
				  select d.id as decision_id, 'preselection' as type, d.decided_at, d.rationale, d.supersedes,
				         i.proposal_id, i.title,
				         (select string_agg(distinct m.organisation, ' ; ') from governance.shortlist_present_member m
				           where m.decision_id = d.id) as present,
				         (select string_agg(distinct m.organisation, ' ; ') from governance.shortlist_recusal r
				            join governance.shortlist_present_member m on m.decision_id = r.decision_id and m.username = r.username
				           where r.decision_id = d.id and r.proposal_id = i.proposal_id) as recused
				  from governance.shortlist_decision d join governance.shortlist_item i on i.decision_id = d.id
				  where d.campaign_id = :campaign
				  union all
				  select f.decision_id, 'financement', min(f.decided_at), null, null, f.proposal_id, p.title, null, null
				  from governance.funded_project f join governance.proposal p on p.id = f.proposal_id
				  where f.campaign_id = :campaign
				  group by f.decision_id, f.proposal_id, p.title
				) rows order by decided_at, decision_id, proposal_id""",
				rs -> new Object[] { DatasetRows.uuid(rs, "decision_id"), rs.getString("type"),
						DatasetRows.instant(rs, "decided_at"), rs.getString("rationale"), DatasetRows.uuid(rs, "supersedes"),
						DatasetRows.uuid(rs, "proposal_id"), rs.getString("title"), rs.getString("present"),
						rs.getString("recused") });
	}
}
