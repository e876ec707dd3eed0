package cocon.deployment;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.Siren;

/** « Déployer chez moi »: the adopters of a service closest to the signed-in agent's collectivité. */
@Component
class NearbyAdopters {

	private final JdbcClient jdbc;

	NearbyAdopters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An adopter near the viewer's collectivité, and why it is near (same EPCI, same département, population). */
	record CloseAdopter(DeploymentQueries.AdoptionView adoption, Closeness closeness) {

		public String closenessLabel() {
			return closeness.label;
		}
	}

	enum Closeness {
		EPCI("Même intercommunalité"), DEPARTEMENT("Même département"), POPULATION("Population comparable");

		private final String label;

		Closeness(String label) {
			this.label = label;
		}
	}

	/**
	 * "Déployer chez moi" (issue 23, point 4): the adopters closest to a collectivité among those testing or using the
	 * service — those of its EPCI first (the EPCI itself and its member communes: {@code sameEpci}), then those of its
	 * département, each group by the closest population (on a logarithmic scale: 1 000 is as close to 2 000 as 50 000
	 * to 100 000).
	 */
	List<CloseAdopter> closestAdopters(UUID service, Siren self, List<Siren> sameEpci, String departement,
			long population, int limit) {
		// Only the candidates are sorted, not the ~17,000 users of a service at the scale of France (ADR 0058): the
		// EPCI's, the département's (V9_2_2's index), and on each side of the viewer's population the nearest ones
		// (the same index, by population; "with ties" keeps every adopter as near as the last one, so that the SIREN
		// decides between them as in the full sort). Any adopter of the first `limit` is among these candidates.
		var used = "service_id = :s and siren <> :self and status in ('EN_TEST', 'EN_SERVICE')";
		return jdbc.sql("""
				select *, siren = any (:epci) as same_epci,
				       departement is not distinct from cast(:dep as text) as same_departement
				from deployment.adoption where service_id = :s and siren <> :self
				  and status in ('EN_TEST', 'EN_SERVICE')
				  and siren in (
				    select siren from deployment.adoption where service_id = :s and siren = any (cast(:epci as char(9)[]))
				    union all
				    select siren from deployment.adoption where %1$s and %2$s
				    union all
				    (select siren from deployment.adoption where %1$s
				       and greatest(population, 1) <= greatest(cast(:pop as bigint), 1)
				     order by greatest(population, 1) desc fetch first %3$d rows with ties)
				    union all
				    (select siren from deployment.adoption where %1$s
				       and greatest(population, 1) > greatest(cast(:pop as bigint), 1)
				     order by greatest(population, 1) fetch first %3$d rows with ties))
				order by same_epci desc, same_departement desc,
				         abs(ln(greatest(population, 1)) - ln(greatest(cast(:pop as bigint), 1))), siren
				limit :limit""".formatted(used, departement == null ? "departement is null" : "departement = :dep",
				Math.max(1, limit)))
				.param("s", service).param("self", self.value())
				.param("epci", sameEpci.stream().map(Siren::value).toArray(String[]::new))
				.param("dep", departement).param("pop", population)
				.param("limit", limit)
				.query((rs, row) -> new CloseAdopter(DeploymentQueries.adoption(rs, row), rs.getBoolean("same_epci") ? Closeness.EPCI
						: rs.getBoolean("same_departement") && departement != null ? Closeness.DEPARTEMENT
								: Closeness.POPULATION))
				.list();
	}
}
