package cocon.referents.opendata;

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
 * The {@code groupes-de-travail} dataset: one row per referent collectivité of each open working group, whether it is
 * an experimentation territory, and the sessions held. The contact name and e-mail given with an application, and the
 * motivation, stay in the module.
 */
@Component
class WorkingGroupsDataset extends SqlDataset {

	static final TableSchema SCHEMA = new TableSchema(List.of(
			Field.of("proposition_id", Type.STRING, "Proposition", "Identifiant de la proposition présélectionnée")
					.mandatory().pattern(DatasetRows.UUID_PATTERN),
			Field.of("proposition_titre", Type.STRING, "Titre de la proposition", "Titre de la proposition").mandatory(),
			Field.of("siren", Type.STRING, "SIREN", "SIREN de la collectivité référente").mandatory().pattern("^[0-9]{9}$"),
			Field.of("nom", Type.STRING, "Nom", "Nom de la collectivité référente").mandatory(),
			Field.of("nature", Type.STRING, "Nature", "Nature de la collectivité (les groupements peuvent rejoindre un groupe)")
					.mandatory().values(DatasetRows.KINDS),
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

	WorkingGroupsDataset(JdbcClient jdbc) {
		super(jdbc, "groupes-de-travail", "Groupes de travail",
				"Une ligne par collectivité référente d'un groupe de travail (proposition présélectionnée) : SIREN, "
						+ "nom, nature, territoire d'expérimentation ou non, séances tenues par le groupe et suivies par "
						+ "elle. Aucun nom ni adresse de contact.",
				SCHEMA);
	}

	@Override
	public Optional<Snapshot> snapshot(CampaignId campaign) {
		return querySnapshot(campaign, """
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
				from referents.campaign c where c.campaign_id = :campaign""",
				rs -> {
					var last = DatasetRows.latest(rs, "as_of", "last_call", "last_member", "last_session");
					long members = rs.getLong("members");
					return Snapshot.counting(last, members, members, rs.getLong("sessions"), rs.getLong("experimentations"));
				});
	}

	@Override
	public void rows(CampaignId campaign, RowSink sink) {
		queryRows(campaign, sink, """
				select k.proposal_id, k.proposal_title, r.siren, r.collectivite_name, r.kind,
				       r.experimentation_marked_at is not null as experimentation, r.joined_at,
				       (select count(*) from referents.working_group_session s where s.proposal_id = k.proposal_id) as held,
				       (select count(*) from referents.session_attendee a
				         where a.proposal_id = k.proposal_id and a.siren = r.siren) as attended
				from referents.referent_call k join referents.referent_territory r on r.proposal_id = k.proposal_id
				where k.campaign_id = :campaign and k.status = 'OPEN'
				order by k.proposal_id, r.siren""",
				rs -> new Object[] { DatasetRows.uuid(rs, "proposal_id"), rs.getString("proposal_title"),
						rs.getString("siren").trim(), rs.getString("collectivite_name"),
						DatasetRows.kind(rs.getString("kind")), rs.getBoolean("experimentation"),
						DatasetRows.instant(rs, "joined_at"), rs.getLong("held"), rs.getLong("attended") });
	}
}
