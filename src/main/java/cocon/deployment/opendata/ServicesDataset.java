package cocon.deployment.opendata;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignId;
import cocon.shared.Window;
import cocon.shared.opendata.DatasetRows;
import cocon.shared.opendata.RowSink;
import cocon.shared.opendata.Snapshot;
import cocon.shared.opendata.SqlDataset;
import cocon.shared.opendata.TableSchema;
import cocon.shared.opendata.TableSchema.Field;
import cocon.shared.opendata.TableSchema.ForeignKey;
import cocon.shared.opendata.TableSchema.Type;

/**
 * The {@code services} dataset: one row per service (funded project) of the campaign, its phase, the provider, the
 * budget funded and paid, its milestones done and late, and its adoptions by status.
 */
@Component
class ServicesDataset extends SqlDataset {

	static final List<String> PHASES = List.of("EN_CONSTRUCTION", "EN_EXPERIMENTATION", "DISPONIBLE", "GENERALISE",
			"ARRETE");

	static final TableSchema SCHEMA = new TableSchema(List.of(
			Field.of("id", Type.STRING, "Service", "Identifiant du service (celui du projet financé)").mandatory()
					.pattern(DatasetRows.UUID_PATTERN),
			Field.of("titre", Type.STRING, "Titre", "Titre du service").mandatory(),
			Field.of("proposition_id", Type.STRING, "Proposition", "Identifiant de la proposition à laquelle il répond")
					.mandatory().pattern(DatasetRows.UUID_PATTERN),
			Field.of("besoin", Type.STRING, "Besoin", "Titre de la proposition : le besoin auquel le service répond"),
			Field.of("theme", Type.STRING, "Thème", "Thème de la proposition"),
			Field.of("prestataire", Type.STRING, "Prestataire", "Organisation qui réalise le service").mandatory(),
			Field.of("phase", Type.STRING, "Phase", "Phase du service").mandatory().values(PHASES),
			Field.of("raison_arret", Type.STRING, "Raison de l'arrêt", "Pourquoi le service a été arrêté, s'il l'est"),
			Field.of("date_financement", Type.DATETIME, "Date du financement", "Instant de la décision de financement")
					.mandatory(),
			Field.of("budget_finance", Type.INTEGER, "Budget financé", "Budget financé, en euros").mandatory(),
			Field.of("budget_verse", Type.INTEGER, "Budget versé", "Montant versé par tranches, en euros (jamais plus que le budget financé)")
					.mandatory(),
			Field.of("jalons_atteints", Type.INTEGER, "Jalons atteints", "Nombre de jalons atteints").mandatory(),
			Field.of("jalons_en_retard", Type.INTEGER, "Jalons en retard", "Nombre de jalons non atteints dont la date prévue est passée")
					.mandatory(),
			Field.of("adoptions_interessees", Type.INTEGER, "Collectivités intéressées", "Collectivités qui se déclarent intéressées")
					.mandatory(),
			Field.of("adoptions_en_test", Type.INTEGER, "Collectivités en test", "Collectivités qui testent le service")
					.mandatory(),
			Field.of("adoptions_en_service", Type.INTEGER, "Collectivités en service", "Collectivités qui utilisent le service")
					.mandatory(),
			Field.of("adoptions_abandonnees", Type.INTEGER, "Abandons", "Collectivités qui ont abandonné le service")
					.mandatory(),
			Field.of("population_couverte", Type.INTEGER, "Population couverte",
					"Population des collectivités qui testent ou utilisent le service").mandatory()),
			List.of("id"),
			List.of(new ForeignKey(List.of("proposition_id"), "propositions", List.of("id"))));

	private final Clock clock;

	ServicesDataset(JdbcClient jdbc, Clock clock) {
		super(jdbc, "services", "Services déployés",
				"Une ligne par service issu d'un projet financé : phase, prestataire, budget financé et versé, jalons "
						+ "atteints et en retard, adoptions par statut et population couverte. Aucun membre d'équipe ni "
						+ "agent.",
				SCHEMA);
		this.clock = clock;
	}

	/** Known for a campaign the module heard of (a copy of it, or a service of it). */
	static final String KNOWN = """
			(exists (select 1 from deployment.campaign where campaign_id = :campaign)
			 or exists (select 1 from deployment.service where campaign_id = :campaign))""";

	@Override
	public Optional<Snapshot> snapshot(CampaignId campaign) {
		return querySnapshot(campaign, """
				select (select as_of from deployment.campaign where campaign_id = :campaign) as as_of,
				       (select count(*) from deployment.service where campaign_id = :campaign) as services,
				       (select max(funded_at) from deployment.service where campaign_id = :campaign) as last_funded,
				       (select count(*) from deployment.timeline t join deployment.service s on s.id = t.service_id
				         where s.campaign_id = :campaign) as changes,
				       (select max(t.at) from deployment.timeline t join deployment.service s on s.id = t.service_id
				         where s.campaign_id = :campaign) as last_change,
				       (select count(*) from deployment.adoption_change a join deployment.service s on s.id = a.service_id
				         where s.campaign_id = :campaign) as declarations,
				       (select max(a.declared_at) from deployment.adoption_change a join deployment.service s on s.id = a.service_id
				         where s.campaign_id = :campaign) as last_declaration
				where """ + KNOWN,
				rs -> {
					var last = DatasetRows.latest(rs, "as_of", "last_funded", "last_change", "last_declaration");
					long services = rs.getLong("services");
					// the day counts too: a milestone becomes late without any change of the data
					return Snapshot.counting(last, services, services, rs.getLong("changes"),
							rs.getLong("declarations"), today().toEpochDay());
				});
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), Window.PARIS);
	}

	@Override
	public void rows(CampaignId campaign, RowSink sink) {
		var today = today();
		jdbc().sql("""
				select s.id, s.title, s.proposal_id, p.title as need, p.theme, s.provider, s.phase, s.stop_reason,
				       s.funded_at, s.budget_euros, s.paid_euros,
				       (select count(*) from deployment.milestone m where m.service_id = s.id and m.done_on is not null) as done,
				       (select count(*) from deployment.milestone m where m.service_id = s.id and m.done_on is null
				          and m.due_on < :today) as late,
				       coalesce(sum(a.collectivites) filter (where a.status = 'INTERESSEE'), 0) as interessee,
				       coalesce(sum(a.collectivites) filter (where a.status = 'EN_TEST'), 0) as en_test,
				       coalesce(sum(a.collectivites) filter (where a.status = 'EN_SERVICE'), 0) as en_service,
				       coalesce(sum(a.collectivites) filter (where a.status = 'ABANDONNEE'), 0) as abandonnee,
				       coalesce(sum(a.population) filter (where a.status in ('EN_TEST', 'EN_SERVICE')), 0) as population
				from deployment.service s
				left join deployment.proposal p on p.proposal_id = s.proposal_id
				-- the counts the database keeps with every adoption (V7_2_1), not 35,000 adoptions per service
				left join deployment.adoption_count a on a.service_id = s.id
				where s.campaign_id = :campaign
				group by s.id, p.proposal_id
				order by s.id""")
				.param("campaign", campaign.id()).param("today", today)
				.query(rs -> {
					sink.row(DatasetRows.uuid(rs, "id"), rs.getString("title"), DatasetRows.uuid(rs, "proposal_id"),
							rs.getString("need"), rs.getString("theme"), rs.getString("provider"), rs.getString("phase"),
							rs.getString("stop_reason"), DatasetRows.instant(rs, "funded_at"), rs.getLong("budget_euros"),
							rs.getLong("paid_euros"), rs.getLong("done"), rs.getLong("late"), rs.getLong("interessee"),
							rs.getLong("en_test"), rs.getLong("en_service"), rs.getLong("abandonnee"),
							rs.getLong("population"));
				});
	}
}
