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
import cocon.shared.opendata.TableSchema.Type;

/**
 * The {@code entonnoir} dataset: per theme of the campaign, what became of the contributions (received, pending,
 * reoriented, rejected, grouped) and how many proposals were made and published. For every theme,
 * {@code recues = en_attente + regroupees + reorientees + rejetees} (invariant 3).
 */
@Component
class FunnelDataset extends SqlDataset {

	static final TableSchema SCHEMA = new TableSchema(List.of(
			Field.of("theme", Type.STRING, "Thème", "Thème de la campagne").mandatory(),
			Field.of("recues", Type.INTEGER, "Contributions reçues", "Contributions déposées ou importées").mandatory(),
			Field.of("en_attente", Type.INTEGER, "En attente", "Contributions pas encore analysées").mandatory(),
			Field.of("reorientees", Type.INTEGER, "Réorientées", "Contributions réorientées vers un dispositif existant")
					.mandatory(),
			Field.of("rejetees", Type.INTEGER, "Rejetées", "Contributions rejetées comme inéligibles").mandatory(),
			Field.of("regroupees", Type.INTEGER, "Regroupées", "Contributions regroupées dans une proposition").mandatory(),
			Field.of("propositions", Type.INTEGER, "Propositions", "Propositions du thème (hors propositions fusionnées)")
					.mandatory(),
			Field.of("propositions_publiees", Type.INTEGER, "Propositions publiées", "Propositions publiées du thème")
					.mandatory()),
			List.of("theme"));

	FunnelDataset(JdbcClient jdbc) {
		super(jdbc, "entonnoir", "Entonnoir de tri",
				"Une ligne par thème de la campagne : contributions reçues, en attente, réorientées, rejetées et "
						+ "regroupées, propositions faites et publiées. Pour chaque thème, les reçues égalent la somme des "
						+ "quatre issues.",
				SCHEMA);
	}

	@Override
	public Optional<Snapshot> snapshot(CampaignId campaign) {
		return querySnapshot(campaign, Sql.STATE, rs -> {
			var last = DatasetRows.latest(rs, "as_of", "last_contribution", "last_proposal", "last_history");
			return Snapshot.counting(last, themes(campaign).size(), rs.getLong("contributions"), rs.getLong("history"));
		});
	}

	private List<String> themes(CampaignId campaign) {
		return jdbc().sql("""
				select theme from (
				  select unnest(themes) as theme from curation.campaign where id = :campaign
				  union select theme from curation.contribution where campaign_id = :campaign
				  union select theme from curation.proposal where campaign_id = :campaign
				) t order by theme""").param("campaign", campaign.id()).query(String.class).list();
	}

	@Override
	public void rows(CampaignId campaign, RowSink sink) {
		queryRows(campaign, sink, """
				with themes as (
				  select unnest(themes) as theme from curation.campaign where id = :campaign
				  union select theme from curation.contribution where campaign_id = :campaign
				  union select theme from curation.proposal where campaign_id = :campaign
				)
				select t.theme,
				       (select count(*) from curation.contribution c where c.campaign_id = :campaign and c.theme = t.theme) as received,
				       (select count(*) from curation.contribution c where c.campaign_id = :campaign and c.theme = t.theme and c.outcome = 'PENDING') as pending,
				       (select count(*) from curation.contribution c where c.campaign_id = :campaign and c.theme = t.theme and c.outcome = 'REORIENTED') as reoriented,
				       (select count(*) from curation.contribution c where c.campaign_id = :campaign and c.theme = t.theme and c.outcome = 'REJECTED') as rejected,
				       (select count(*) from curation.contribution c where c.campaign_id = :campaign and c.theme = t.theme and c.outcome = 'GROUPED') as grouped,
				       (select count(*) from curation.proposal p where p.campaign_id = :campaign and p.theme = t.theme and p.status <> 'MERGED') as proposals,
				       (select count(*) from curation.proposal p where p.campaign_id = :campaign and p.theme = t.theme and p.status = 'PUBLISHED') as published
				from themes t order by t.theme""",
				rs -> new Object[] { rs.getString("theme"), rs.getLong("received"), rs.getLong("pending"),
						rs.getLong("reoriented"), rs.getLong("rejected"), rs.getLong("grouped"), rs.getLong("proposals"),
						rs.getLong("published") });
	}
}
