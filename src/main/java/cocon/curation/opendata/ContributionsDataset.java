package cocon.curation.opendata;

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
 * The {@code contributions} dataset, only for a campaign whose setting makes the texts of contributions public (off
 * by default, said on the contribution form): title, need, theme, the kind of organisation and the outcome. Never
 * the author, nor the organisation's name.
 */
@Component
class ContributionsDataset extends SqlDataset {

	static final TableSchema SCHEMA = new TableSchema(List.of(
			Field.of("id", Type.STRING, "Identifiant", "Identifiant de la contribution").mandatory().pattern(DatasetRows.UUID_PATTERN),
			Field.of("date_depot", Type.DATETIME, "Date de dépôt", "Instant du dépôt").mandatory(),
			Field.of("theme", Type.STRING, "Thème", "Thème choisi").mandatory(),
			Field.of("titre", Type.STRING, "Titre", "Titre de la contribution").mandatory(),
			Field.of("besoin", Type.STRING, "Besoin", "Le besoin décrit").mandatory(),
			Field.of("nature_organisation", Type.STRING, "Nature de l'organisation", "Nature de l'organisation qui contribue")
					.mandatory().values(DatasetRows.KINDS),
			Field.of("issue", Type.STRING, "Issue", "en-attente, regroupee, reorientee ou rejetee").mandatory()
					.values(List.of("en-attente", "regroupee", "reorientee", "rejetee")),
			Field.of("proposition_id", Type.STRING, "Proposition", "La proposition qui la regroupe").pattern(DatasetRows.UUID_PATTERN),
			Field.of("reorientee_vers", Type.STRING, "Réorientée vers", "Le dispositif vers lequel elle a été réorientée"),
			Field.of("motif_rejet", Type.STRING, "Motif du rejet", "Pourquoi elle a été rejetée")),
			List.of("id"),
			List.of(new ForeignKey(List.of("proposition_id"), "propositions", List.of("id"))));

	ContributionsDataset(JdbcClient jdbc) {
		super(jdbc, "contributions", "Contributions",
				"Publié seulement si la campagne le prévoit : une ligne par contribution, son titre, son besoin, son "
						+ "thème, la nature de l'organisation qui l'a déposée et ce qu'elle est devenue. Ni l'auteur ni le "
						+ "nom de l'organisation.",
				SCHEMA);
	}

	@Override
	public Optional<Snapshot> snapshot(CampaignId campaign) {
		return querySnapshot(campaign, Sql.STATE, rs -> {
			if (!rs.getBoolean("contribution_texts_public")) {
				return null;
			}
			var last = DatasetRows.latest(rs, "as_of", "last_contribution", "last_history");
			return Snapshot.counting(last, rs.getLong("contributions"), rs.getLong("contributions"),
					rs.getLong("history"));
		});
	}

	@Override
	public void rows(CampaignId campaign, RowSink sink) {
		queryRows(campaign, sink, """
				select x.id, x.submitted_at, x.theme, x.title, x.need, x.organisation_kind, x.outcome, x.proposal_id,
				       x.reorientation_target, x.rejection_reason
				from curation.contribution x join curation.campaign c on c.id = x.campaign_id
				where x.campaign_id = :campaign and c.contribution_texts_public
				order by x.id""",
				rs -> new Object[] { DatasetRows.uuid(rs, "id"), DatasetRows.instant(rs, "submitted_at"),
						rs.getString("theme"), rs.getString("title"), rs.getString("need"),
						DatasetRows.kind(rs.getString("organisation_kind")), Sql.outcome(rs.getString("outcome")),
						DatasetRows.uuid(rs, "proposal_id"), rs.getString("reorientation_target"),
						rs.getString("rejection_reason") });
	}
}
