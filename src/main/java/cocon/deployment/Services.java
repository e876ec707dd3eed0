package cocon.deployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.Timestamps;

/**
 * Stores the services, their tranches, milestones and timeline; publishes the events a service registered in the
 * transaction that stores its change.
 */
@Repository
class Services {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	Services(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Stores a new service unless its funded project already has one; returns whether it was added. */
	boolean addIfAbsent(Service service) {
		int added = jdbc.sql("""
				insert into deployment.service (id, campaign_id, proposal_id, decision_id, title, provider, budget_euros,
				  paid_euros, phase, phase_changed_at, funded_at)
				values (:id, :campaign, :proposal, :decision, :title, :provider, :budget, 0, :phase, :at, :at)
				on conflict (id) do nothing""")
				.param("id", service.getId().id()).param("campaign", service.campaignId().id())
				.param("proposal", service.proposalId().id()).param("decision", service.decisionId())
				.param("title", service.title()).param("provider", service.provider())
				.param("budget", service.budgetEuros()).param("phase", service.phase().name())
				.param("at", Timestamps.column(service.fundedAt())).update();
		if (added == 1) {
			timeline(service.getId(), service.fundedAt(), "FINANCEMENT", "Projet financé par le comité de pilotage ("
					+ service.provider() + ", " + service.budgetEuros() + " €) : service en construction.", null);
			service.events().publishTo(events);
			return true;
		}
		service.events().discard();
		return false;
	}

	Optional<Service> find(Service.ServiceId id) {
		return jdbc.sql("select * from deployment.service where id = :id").param("id", id.id())
				.query(Services::map).optional();
	}

	/** The service, its row locked until the transaction ends: changes of one service are serialised. */
	Optional<Service> lock(Service.ServiceId id) {
		return jdbc.sql("select * from deployment.service where id = :id for update").param("id", id.id())
				.query(Services::map).optional();
	}

	void savePhase(Service service, String by) {
		jdbc.sql("update deployment.service set phase = :phase, stop_reason = :reason, phase_changed_at = :at where id = :id")
				.param("id", service.getId().id()).param("phase", service.phase().name())
				.param("reason", service.stopReason()).param("at", Timestamps.column(service.phaseChangedAt())).update();
		timeline(service.getId(), service.phaseChangedAt(), "PHASE", "Phase : " + service.phase().label()
				+ (service.stopReason() == null ? "" : " (" + service.stopReason() + ")") + ".", by);
		service.events().publishTo(events);
	}

	/** Adds a tranche; the database's check refuses it too if the budget would be exceeded. */
	void addTranche(Service service, long amount, LocalDate paidOn, String label, String by, Instant now) {
		jdbc.sql("update deployment.service set paid_euros = paid_euros + :amount where id = :id")
				.param("id", service.getId().id()).param("amount", amount).update();
		jdbc.sql("""
				insert into deployment.tranche (id, service_id, amount_euros, paid_on, label, recorded_by, recorded_at)
				values (:id, :service, :amount, :on, :label, :by, :at)""")
				.param("id", UUID.randomUUID()).param("service", service.getId().id()).param("amount", amount)
				.param("on", paidOn).param("label", label).param("by", by).param("at", Timestamps.column(now)).update();
		timeline(service.getId(), now, "BUDGET", "Tranche versée le " + Dates.day(paidOn) + " : " + amount + " € ("
				+ label + ") ; " + service.paidEuros() + " € versés sur " + service.budgetEuros() + " €.", by);
	}

	void saveLinks(Service.ServiceId id, Links links, String by, Instant now) {
		jdbc.sql("""
				update deployment.service set site_url = :site, documentation_url = :doc, source_url = :source,
				  contact_email = :contact where id = :id""")
				.param("id", id.id()).param("site", links.site()).param("doc", links.documentation())
				.param("source", links.source()).param("contact", links.contactEmail()).update();
		timeline(id, now, "LIENS", "Liens et contact du service mis à jour.", by);
	}

	UUID addMilestone(Service.ServiceId id, String title, LocalDate due, String by, Instant now) {
		var milestone = UUID.randomUUID();
		jdbc.sql("""
				insert into deployment.milestone (id, service_id, title, due_on, recorded_at)
				values (:id, :service, :title, :due, :at)""")
				.param("id", milestone).param("service", id.id()).param("title", title).param("due", due)
				.param("at", Timestamps.column(now)).update();
		timeline(id, now, "JALON", "Jalon prévu : « " + title + " » pour le " + Dates.day(due) + ".", by);
		return milestone;
	}

	record MilestoneRow(UUID id, String title, LocalDate due, LocalDate done) {
	}

	Optional<MilestoneRow> milestone(Service.ServiceId service, UUID id) {
		return jdbc.sql("select id, title, due_on, done_on from deployment.milestone where id = :id and service_id = :s for update")
				.param("id", id).param("s", service.id())
				.query((rs, n) -> new MilestoneRow(rs.getObject("id", UUID.class), rs.getString("title"),
						rs.getObject("due_on", LocalDate.class), rs.getObject("done_on", LocalDate.class)))
				.optional();
	}

	void milestoneDone(Service.ServiceId service, MilestoneRow milestone, LocalDate on, String by, Instant now) {
		jdbc.sql("update deployment.milestone set done_on = :on where id = :id").param("id", milestone.id())
				.param("on", on).update();
		timeline(service, now, "JALON", "Jalon atteint le " + Dates.day(on) + " : « " + milestone.title() + " ».", by);
	}

	void milestoneReplanned(Service.ServiceId service, MilestoneRow milestone, LocalDate due, String reason, String by,
			Instant now) {
		jdbc.sql("update deployment.milestone set due_on = :due, replanned = replanned + 1 where id = :id")
				.param("id", milestone.id()).param("due", due).update();
		timeline(service, now, "JALON", "Jalon replanifié : « " + milestone.title() + " » du "
				+ Dates.day(milestone.due()) + " au " + Dates.day(due) + " (" + reason + ").", by);
	}

	void timeline(Service.ServiceId service, Instant at, String kind, String summary, String by) {
		jdbc.sql("""
				insert into deployment.timeline (service_id, at, kind, summary, recorded_by)
				values (:service, :at, :kind, :summary, :by)""")
				.param("service", service.id()).param("at", Timestamps.column(at)).param("kind", kind).param("summary", summary)
				.param("by", by).update();
	}

	static Service map(ResultSet rs, int row) throws SQLException {
		return new Service(new Service.ServiceId(rs.getObject("id", UUID.class)), new CampaignId(rs.getObject("campaign_id", UUID.class)),
				new ProposalId(rs.getObject("proposal_id", UUID.class)), rs.getObject("decision_id", UUID.class), rs.getString("title"),
				rs.getString("provider"), rs.getLong("budget_euros"), rs.getLong("paid_euros"),
				Phase.valueOf(rs.getString("phase")), rs.getString("stop_reason"), Timestamps.instant(rs, "phase_changed_at"),
				Timestamps.instant(rs, "funded_at"));
	}
}
