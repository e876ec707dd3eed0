package cocon.deployment.opendata;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
 * The {@code adoptions} dataset: one row per current adoption of a collectivité for a service of the campaign. The
 * agent who declared and the note stay in the module. Streamed with a server-side cursor (a read-only transaction
 * and a fetch size), so that a registry of a million rows is exported in constant memory.
 */
@Component
class AdoptionsDataset extends SqlDataset {

	static final int FETCH_SIZE = 2_000;

	static final TableSchema SCHEMA = new TableSchema(List.of(
			Field.of("service_id", Type.STRING, "Service", "Identifiant du service (jeu « services »)").mandatory()
					.pattern(DatasetRows.UUID_PATTERN),
			Field.of("siren", Type.STRING, "SIREN", "SIREN de la collectivité").mandatory().pattern("^[0-9]{9}$")
					.example("216901231"),
			Field.of("nom", Type.STRING, "Nom", "Nom de la collectivité").mandatory().example("Lyon"),
			Field.of("nature", Type.STRING, "Nature", "Nature de la collectivité").mandatory().values(DatasetRows.KINDS),
			Field.of("departement", Type.STRING, "Département", "Code INSEE du département (texte : 01, 2A, 974)")
					.pattern("^[0-9AB]{2,3}$").example("69"),
			Field.of("region", Type.STRING, "Région", "Code INSEE de la région").pattern("^[0-9]{2}$").example("84"),
			Field.of("population", Type.INTEGER, "Population", "Population de la collectivité").mandatory(),
			Field.of("statut", Type.STRING, "Statut", "Statut d'adoption déclaré par la collectivité").mandatory()
					.values(List.of("INTERESSEE", "EN_TEST", "EN_SERVICE", "ABANDONNEE")),
			Field.of("depuis", Type.DATETIME, "Depuis", "Instant où la collectivité a déclaré ce statut").mandatory()),
			List.of("service_id", "siren"),
			List.of(new ForeignKey(List.of("service_id"), "services", List.of("id"))));

	private final JdbcTemplate cursor;
	private final TransactionTemplate readOnly;

	AdoptionsDataset(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
		super(jdbc, "adoptions", "Adoptions des services",
				"Une ligne par adoption en cours d'un service par une collectivité : la collectivité (SIREN, nom, nature, "
						+ "département, région, population), son statut (intéressée, en test, en service, abandonnée) et "
						+ "depuis quand. Aucun nom d'agent ni note.",
				SCHEMA);
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(FETCH_SIZE);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public Optional<Snapshot> snapshot(CampaignId campaign) {
		return querySnapshot(campaign, """
				select (select as_of from deployment.campaign where campaign_id = :campaign) as as_of,
				       (select coalesce(sum(a.collectivites), 0) from deployment.adoption_count a
				         join deployment.service s on s.id = a.service_id where s.campaign_id = :campaign) as adoptions,
				       (select count(*) from deployment.adoption_change a join deployment.service s on s.id = a.service_id
				         where s.campaign_id = :campaign) as declarations,
				       (select max(a.declared_at) from deployment.adoption_change a join deployment.service s on s.id = a.service_id
				         where s.campaign_id = :campaign) as last_declaration
				where """ + ServicesDataset.KNOWN,
				rs -> {
					var last = DatasetRows.latest(rs, "as_of", "last_declaration");
					long adoptions = rs.getLong("adoptions");
					return Snapshot.counting(last, adoptions, adoptions, rs.getLong("declarations"));
				});
	}

	/**
	 * Service by service, each walked in its key's order (service, SIREN): one ordered query over the campaign's 1.5
	 * million adoptions made PostgreSQL sort them all on disk before the first row (issue 23, acceptance 5), while each
	 * service's rows come from the primary key's index already in order.
	 */
	@Override
	public void rows(CampaignId campaign, RowSink sink) {
		readOnly.executeWithoutResult(status -> {
			var services = cursor.queryForList("select id from deployment.service where campaign_id = ? order by id",
					java.util.UUID.class, campaign.id());
			for (var service : services) {
				cursor.query("""
						select service_id, siren, collectivite_name, kind, departement, region, population, status, since
						from deployment.adoption where service_id = ? order by siren""",
						rs -> {
							sink.row(DatasetRows.uuid(rs, "service_id"), rs.getString("siren").trim(),
									rs.getString("collectivite_name"), DatasetRows.kind(rs.getString("kind")),
									blankToNull(rs.getString("departement")), blankToNull(rs.getString("region")),
									rs.getLong("population"), rs.getString("status"), DatasetRows.instant(rs, "since"));
						}, service);
			}
		});
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
