package cocon.deployment;

import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cocon.deployment.events.AdoptionDeclared;
import cocon.shared.Timestamps;
import cocon.shared.identity.Organisation;

/**
 * The adoption registry: one current row per collectivité and service, held by the primary key (invariant 9 of the
 * design brief), and every change in {@code adoption_change}.
 */
@Repository
class Adoptions {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	Adoptions(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** What a declaration did: created the collectivité's first row, changed it, or found it as it was. */
	enum Outcome {
		CREATED, CHANGED, UNCHANGED
	}

	record Current(AdoptionStatus status, String note, Instant since) {

		public String statusLabel() {
			return status.label();
		}
	}

	/**
	 * Declares the status. The insert waits for a concurrent insert of the same key and then does nothing, so of
	 * simultaneous first declarations exactly one creates the row; the others find it, locked, and change it.
	 */
	Outcome declare(Service service, Organisation organisation, AdoptionStatus status, String note, String by,
			Instant now) {
		int inserted = jdbc.sql("""
				insert into deployment.adoption (service_id, siren, collectivite_name, kind, departement, region,
				  population, status, note, since, declared_by)
				values (:service, :siren, :name, :kind, :departement, :region, :population, :status, :note, :at, :by)
				on conflict (service_id, siren) do nothing""")
				.param("service", service.getId().id()).param("siren", organisation.siren().value())
				.param("name", organisation.name()).param("kind", organisation.kind().name())
				.param("departement", organisation.departement()).param("region", organisation.region())
				.param("population", organisation.population()).param("status", status.name()).param("note", note)
				.param("at", Timestamps.column(now)).param("by", by).update();
		if (inserted == 1) {
			recordChange(service, organisation, status, null, note, by, now);
			return Outcome.CREATED;
		}
		var current = jdbc.sql("""
				select status, note, since from deployment.adoption where service_id = :service and siren = :siren
				for update""")
				.param("service", service.getId().id()).param("siren", organisation.siren().value())
				.query((rs, n) -> new Current(AdoptionStatus.valueOf(rs.getString("status")), rs.getString("note"),
						Timestamps.instant(rs, "since")))
				.single();
		if (current.status() == status && java.util.Objects.equals(current.note(), note)) {
			return Outcome.UNCHANGED;
		}
		jdbc.sql("""
				update deployment.adoption set status = :status, note = :note, declared_by = :by,
				  since = case when status = :status then since else :at end,
				  collectivite_name = :name, kind = :kind, departement = :departement, region = :region,
				  population = :population
				where service_id = :service and siren = :siren""")
				.param("service", service.getId().id()).param("siren", organisation.siren().value())
				.param("status", status.name()).param("note", note).param("by", by).param("at", Timestamps.column(now))
				.param("name", organisation.name()).param("kind", organisation.kind().name())
				.param("departement", organisation.departement()).param("region", organisation.region())
				.param("population", organisation.population()).update();
		if (current.status() == status) {
			// the note alone changed: kept in the history, but no new fact for the others
			jdbc.sql("""
					insert into deployment.adoption_change (service_id, siren, status, previous, note, declared_by, declared_at)
					values (:service, :siren, :status, :status, :note, :by, :at)""")
					.param("service", service.getId().id()).param("siren", organisation.siren().value())
					.param("status", status.name()).param("note", note).param("by", by).param("at", Timestamps.column(now))
					.update();
			return Outcome.CHANGED;
		}
		recordChange(service, organisation, status, current.status(), note, by, now);
		return Outcome.CHANGED;
	}

	private void recordChange(Service service, Organisation organisation, AdoptionStatus status,
			AdoptionStatus previous, String note, String by, Instant now) {
		jdbc.sql("""
				insert into deployment.adoption_change (service_id, siren, status, previous, note, declared_by, declared_at)
				values (:service, :siren, :status, :previous, :note, :by, :at)""")
				.param("service", service.getId().id()).param("siren", organisation.siren().value())
				.param("status", status.name()).param("previous", previous == null ? null : previous.name())
				.param("note", note).param("by", by).param("at", Timestamps.column(now)).update();
		events.publishEvent(new AdoptionDeclared(service.getId().id(), service.campaignId(), organisation.siren(),
				organisation.name(), organisation.kind(), organisation.departement(), status.name(),
				previous == null ? null : previous.name(), now));
	}

	Optional<Current> current(Service.ServiceId service, cocon.shared.Siren siren) {
		return jdbc.sql("select status, note, since from deployment.adoption where service_id = :service and siren = :siren")
				.param("service", service.id()).param("siren", siren.value())
				.query((rs, n) -> new Current(AdoptionStatus.valueOf(rs.getString("status")), rs.getString("note"),
						Timestamps.instant(rs, "since")))
				.optional();
	}
}
