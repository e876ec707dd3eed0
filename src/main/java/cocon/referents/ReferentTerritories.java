package cocon.referents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Timestamps;

/** Stores the applications (referent territories); the database refuses a second one per collectivité and proposal. */
@Repository
class ReferentTerritories {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	ReferentTerritories(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	Optional<ReferentTerritory> find(ReferentTerritory.ApplicationId id) {
		return jdbc.sql("select * from referents.referent_territory where id = :id").param("id", id.id())
				.query(ReferentTerritories::map).optional();
	}

	Optional<ReferentTerritory> find(ProposalId proposal, Siren siren) {
		return jdbc.sql("select * from referents.referent_territory where proposal_id = :p and siren = :s")
				.param("p", proposal.id()).param("s", siren.value()).query(ReferentTerritories::map).optional();
	}

	List<ReferentTerritory> ofProposal(ProposalId proposal) {
		return jdbc.sql("select * from referents.referent_territory where proposal_id = :p order by joined_at, collectivite_name")
				.param("p", proposal.id()).query(ReferentTerritories::map).list();
	}

	List<ReferentTerritory> ofCollectivite(Siren siren) {
		return jdbc.sql("select * from referents.referent_territory where siren = :s order by joined_at")
				.param("s", siren.value()).query(ReferentTerritories::map).list();
	}

	Set<Siren> members(ProposalId proposal) {
		return jdbc.sql("select siren from referents.referent_territory where proposal_id = :p")
				.param("p", proposal.id()).query((rs, row) -> Siren.of(rs.getString(1))).list().stream()
				.collect(Collectors.toSet());
	}

	/**
	 * Stores the application unless the collectivité already applied to this proposal: the unique key decides, also
	 * between two concurrent requests (the second waits for the first to commit, then inserts nothing).
	 *
	 * @return whether this call stored it (and published its events)
	 */
	boolean add(ReferentTerritory territory) {
		var inserted = jdbc.sql("""
				insert into referents.referent_territory (id, proposal_id, campaign_id, siren, collectivite_name, kind,
				  motivation, contact_name, contact_email, applied_by, joined_at)
				values (:id, :proposal, :campaign, :siren, :name, :kind, :motivation, :contactName, :contactEmail, :by, :at)
				on conflict on constraint one_application_per_collectivite_and_proposal do nothing
				""")
				.param("id", territory.getId().id()).param("proposal", territory.proposalId().id())
				.param("campaign", territory.campaignId().id()).param("siren", territory.siren().value())
				.param("name", territory.collectiviteName()).param("kind", territory.kind().name())
				.param("motivation", territory.motivation()).param("contactName", territory.contact().name())
				.param("contactEmail", territory.contact().email()).param("by", territory.appliedBy())
				.param("at", Timestamps.column(territory.joinedAt())).update() == 1;
		if (inserted) {
			territory.events().publishTo(events);
		}
		return inserted;
	}

	/** Stores the experimentation mark once: a concurrent second mark keeps the first author and date. */
	void markExperimentation(ReferentTerritory territory) {
		var mark = territory.experimentation();
		if (jdbc.sql("""
				update referents.referent_territory set experimentation_marked_by = :by, experimentation_marked_at = :at
				where id = :id and experimentation_marked_at is null
				""")
				.param("id", territory.getId().id()).param("by", mark.markedBy()).param("at", Timestamps.column(mark.markedAt()))
				.update() == 1) {
			territory.events().publishTo(events);
		}
		else {
			territory.events().discard();
		}
	}

	/**
	 * Moves the application to the group's history (who withdrew it, when) and publishes the departure: once only,
	 * also when two requests withdraw it at the same time.
	 *
	 * @return whether this call withdrew it
	 */
	boolean withdraw(ReferentTerritory territory, String by, java.time.Instant at) {
		var moved = jdbc.sql("""
				with gone as (delete from referents.referent_territory where id = :id returning *)
				insert into referents.withdrawn_territory (id, proposal_id, campaign_id, siren, collectivite_name, kind,
				  joined_at, experimentation_marked_at, withdrawn_by, withdrawn_at)
				select id, proposal_id, campaign_id, siren, collectivite_name, kind, joined_at, experimentation_marked_at,
				  :by, :at from gone
				""")
				.param("id", territory.getId().id()).param("by", by).param("at", Timestamps.column(at)).update() == 1;
		if (moved) {
			territory.events().publishTo(events);
		}
		else {
			territory.events().discard();
		}
		return moved;
	}

	static ReferentTerritory map(ResultSet rs, int row) throws SQLException {
		var markedBy = rs.getString("experimentation_marked_by");
		return new ReferentTerritory(new ReferentTerritory.ApplicationId(rs.getObject("id", UUID.class)),
				new ProposalId(rs.getObject("proposal_id", UUID.class)), new CampaignId(rs.getObject("campaign_id", UUID.class)),
				Siren.of(rs.getString("siren")), rs.getString("collectivite_name"),
				CollectiviteKind.valueOf(rs.getString("kind")), rs.getString("motivation"),
				new ReferentTerritory.Contact(rs.getString("contact_name"), rs.getString("contact_email")),
				rs.getString("applied_by"), Timestamps.instant(rs, "joined_at"),
				markedBy == null ? null
						: new ReferentTerritory.Experimentation(markedBy, Timestamps.instant(rs, "experimentation_marked_at")));
	}
}
