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
		return jdbc.sql("""
				select *, siren = any (:epci) as same_epci,
				       departement is not distinct from cast(:dep as text) as same_departement
				from deployment.adoption where service_id = :s and siren <> :self
				  and status in ('EN_TEST', 'EN_SERVICE')
				order by same_epci desc, same_departement desc,
				         abs(ln(greatest(population, 1)) - ln(greatest(cast(:pop as bigint), 1))), siren
				limit :limit""")
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
