package cocon.referents.opendata;

import cocon.shared.opendata.DatasetRows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.opendata.OpenDataset;
import cocon.shared.opendata.RowSink;
import cocon.shared.opendata.Snapshot;
import cocon.shared.opendata.TableSchema;
import cocon.shared.opendata.TableSchema.Field;
import cocon.shared.opendata.TableSchema.ForeignKey;
import cocon.shared.opendata.TableSchema.Type;

/**
 * The {@code groupes-de-travail} dataset: one row per referent collectivité of each open working group, whether it is
 * an experimentation territory, and the sessions held. The contact name and e-mail given with an application, and the
 * motivation, stay in the module.
 */
@Component
class WorkingGroupsDataset implements OpenDataset {

	static final TableSchema SCHEMA = new TableSchema(List.of(
			Field.of("proposition_id", Type.STRING, "Proposition", "Identifiant de la proposition présélectionnée")
					.mandatory().pattern(DatasetRows.UUID_PATTERN),
			Field.of("proposition_titre", Type.STRING, "Titre de la proposition", "Titre de la proposition").mandatory(),
			Field.of("siren", Type.STRING, "SIREN", "SIREN de la collectivité référente").mandatory().pattern("^[0-9]{9}$"),
			Field.of("nom", Type.STRING, "Nom", "Nom de la collectivité référente").mandatory(),
			Field.of("nature", Type.STRING, "Nature", "Nature de la collectivité (les groupements peuvent rejoindre un groupe)")
					.mandatory().values(List.of("commune", "epci", "departement", "region",
							"collectivite-statut-particulier", "autre")),
			Field.of("territoire_experimentation", Type.BOOLEAN, "Territoire d'expérimentation",
					"true si la collectivité a été retenue comme territoire d'expérimentation").mandatory(),
			Field.of("date_adhesion", Type.DATETIME, "Date d'adhésion", "Instant où elle a rejoint le groupe de travail")
					.mandatory(),
			Field.of("seances_tenues", Type.INTEGER, "Séances tenues", "Nombre de séances tenues par le groupe de travail")
					.mandatory(),
			Field.of("seances_suivies", Type.INTEGER, "Séances suivies", "Nombre de ces séances auxquelles la collectivité a participé")
					.mandatory()),
			List.of("proposition_id", "siren"),
			List.of(new ForeignKey(List.of("proposition_id"), "propositions", List.of("id"))));

	private final JdbcClient jdbc;

	WorkingGroupsDataset(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String id() {
		return "groupes-de-travail";
	}

	@Override
	public String title() {
		return "Groupes de travail";
	}

	@Override
	public String description() {
		return "Une ligne par collectivité référente d'un groupe de travail (proposition présélectionnée) : SIREN, nom, "
				+ "nature, territoire d'expérimentation ou non, séances tenues par le groupe et suivies par elle. "
				+ "Aucun nom ni adresse de contact.";
	}

	@Override
	public TableSchema schema() {
		return SCHEMA;
	}

	@Override
	public Optional<Snapshot> snapshot(CampaignId campaign) {
		return jdbc.sql("""
				select c.as_of,
				       (select count(*) from referents.referent_territory r join referents.referent_call k
				          on k.proposal_id = r.proposal_id where k.campaign_id = c.campaign_id and k.status = 'OPEN') as members,
				       (select max(greatest(k.opened_at, k.cancelled_at)) from referents.referent_call k where k.campaign_id = c.campaign_id) as last_call,
				       (select max(greatest(r.joined_at, r.experimentation_marked_at)) from referents.referent_territory r
				         where r.campaign_id = c.campaign_id) as last_member,
				       (select max(s.recorded_at) from referents.working_group_session s join referents.referent_call k on k.proposal_id = s.proposal_id
				         where k.campaign_id = c.campaign_id) as last_session,
				       (select count(*) from referents.working_group_session s join referents.referent_call k on k.proposal_id = s.proposal_id
				         where k.campaign_id = c.campaign_id) as sessions,
				       (select count(*) from referents.referent_territory r
				         where r.campaign_id = c.campaign_id and r.experimentation_marked_at is not null) as experimentations
				from referents.campaign c where c.campaign_id = ?""")
				.param(campaign.id())
				.query((rs, n) -> {
					var last = DatasetRows.latest(DatasetRows.instant(rs, "as_of"), DatasetRows.instant(rs, "last_call"), DatasetRows.instant(rs, "last_member"),
							DatasetRows.instant(rs, "last_session"));
					long members = rs.getLong("members");
					return new Snapshot(last, members, members + "-" + rs.getLong("sessions") + "-"
							+ rs.getLong("experimentations") + "-" + last.toEpochMilli());
				})
				.optional();
	}

	@Override
	public void rows(CampaignId campaign, RowSink sink) {
		jdbc.sql("""
				select k.proposal_id, k.proposal_title, r.siren, r.collectivite_name, r.kind,
				       r.experimentation_marked_at is not null as experimentation, r.joined_at,
				       (select count(*) from referents.working_group_session s where s.proposal_id = k.proposal_id) as held,
				       (select count(*) from referents.session_attendee a
				         where a.proposal_id = k.proposal_id and a.siren = r.siren) as attended
				from referents.referent_call k join referents.referent_territory r on r.proposal_id = k.proposal_id
				where k.campaign_id = ? and k.status = 'OPEN'
				order by k.proposal_id, r.siren""")
				.param(campaign.id())
				.query(rs -> {
					sink.row(rs.getObject("proposal_id", UUID.class).toString(), rs.getString("proposal_title"),
							rs.getString("siren").trim(), rs.getString("collectivite_name"), kind(rs.getString("kind")),
							rs.getBoolean("experimentation"), DatasetRows.instant(rs, "joined_at"), rs.getLong("held"),
							rs.getLong("attended"));
				});
	}

	private static String kind(String stored) {
		return switch (CollectiviteKind.valueOf(stored)) {
			case COMMUNE -> "commune";
			case EPCI -> "epci";
			case DEPARTEMENT -> "departement";
			case REGION -> "region";
			case COLLECTIVITE_PARTICULIERE -> "collectivite-statut-particulier";
			case OTHER -> "autre";
		};
	}

}
