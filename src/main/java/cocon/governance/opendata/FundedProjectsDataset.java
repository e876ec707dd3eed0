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

/** The {@code projets-finances} dataset: each funded project, the proposal it answers, provider, budget, roadmap. */
@Component
class FundedProjectsDataset extends SqlDataset {

	static final TableSchema SCHEMA = new TableSchema(List.of(
			Field.of("id", Type.STRING, "Identifiant", "Identifiant du projet financé").mandatory().pattern(DatasetRows.UUID_PATTERN),
			Field.of("titre", Type.STRING, "Projet", "Titre du projet").mandatory(),
			Field.of("proposition_id", Type.STRING, "Proposition", "Identifiant de la proposition présélectionnée à laquelle il répond")
					.mandatory().pattern(DatasetRows.UUID_PATTERN),
			Field.of("proposition_titre", Type.STRING, "Titre de la proposition", "Titre de la proposition").mandatory(),
			Field.of("porteur", Type.STRING, "Porteur", "Le prestataire ou l'organisation qui réalise le projet").mandatory(),
			Field.of("budget_euros", Type.INTEGER, "Budget (euros)", "Budget accordé, en euros").mandatory(),
			Field.of("decision_id", Type.STRING, "Décision", "Identifiant de la décision de financement (jeu « decisions »)")
					.mandatory().pattern(DatasetRows.UUID_PATTERN),
			Field.of("date_decision", Type.DATETIME, "Date de la décision", "Instant de la décision de financement").mandatory(),
			Field.of("nombre_jalons", Type.INTEGER, "Jalons", "Nombre de jalons de la feuille de route").mandatory(),
			Field.of("jalons", Type.STRING, "Feuille de route",
					"Jalons dans l'ordre, « AAAA-MM-JJ libellé », séparés par « ; »")
					.example("2021-10-31 Prototype ; 2022-03-31 Déploiement")),
			List.of("id"),
			List.of(new ForeignKey(List.of("proposition_id"), "propositions", List.of("id"))));

	FundedProjectsDataset(JdbcClient jdbc) {
		super(jdbc, "projets-finances", "Projets financés",
				"Une ligne par projet financé : la proposition présélectionnée à laquelle il répond, son porteur, "
						+ "son budget en euros et les jalons de sa feuille de route avec leurs échéances.",
				SCHEMA);
	}

	@Override
	public Optional<Snapshot> snapshot(CampaignId campaign) {
		return querySnapshot(campaign, """
				select c.created_at, (select count(*) from governance.funded_project f where f.campaign_id = c.id) as projects,
				       (select max(f.decided_at) from governance.funded_project f where f.campaign_id = c.id) as last_funding
				from governance.campaign c where c.id = :campaign""",
				rs -> new Snapshot(DatasetRows.latest(rs, "created_at", "last_funding"), rs.getLong("projects")));
	}

	@Override
	public void rows(CampaignId campaign, RowSink sink) {
		queryRows(campaign, sink, """
				select f.id, f.title, f.proposal_id, p.title as proposal_title, f.provider, f.budget_euros, f.decision_id,
				       f.decided_at,
				       (select count(*) from governance.milestone m where m.project_id = f.id) as milestones,
				       (select string_agg(to_char(m.due, 'YYYY-MM-DD') || ' ' || m.label, ' ; ' order by m.position)
				          from governance.milestone m where m.project_id = f.id) as roadmap
				from governance.funded_project f join governance.proposal p on p.id = f.proposal_id
				where f.campaign_id = :campaign order by f.id""",
				rs -> new Object[] { DatasetRows.uuid(rs, "id"), rs.getString("title"), DatasetRows.uuid(rs, "proposal_id"),
						rs.getString("proposal_title"), rs.getString("provider"), rs.getLong("budget_euros"),
						DatasetRows.uuid(rs, "decision_id"), DatasetRows.instant(rs, "decided_at"), rs.getLong("milestones"),
						rs.getString("roadmap") });
	}
}
