package cocon.identity;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import cocon.shared.web.PageModel;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The demo identities ({@code admin}/{@code demo}, any {@code agent-<SIREN>}) run on the embedded PostgreSQL of the
 * default run only (ADR 0034): with a configured database ({@code SPRING_DATASOURCE_URL}) the demo profile refuses to
 * start unless {@code COCON_DEMO_ON_EXTERNAL_DATABASE=true} says that this database is a demonstration's. Then the
 * start-up log says so loudly and every page carries a banner.
 */
final class DemoDatabaseGuard {

	private static final Logger LOG = LoggerFactory.getLogger(DemoDatabaseGuard.class);

	/** The profile of the embedded PostgreSQL (cocon.platform.embedded). */
	static final String EMBEDDED = "embedded";
	static final String ON_EXTERNAL_DATABASE = "cocon.demo.on-external-database";
	static final String ON_EXTERNAL_DATABASE_VARIABLE = "COCON_DEMO_ON_EXTERNAL_DATABASE";

	static final String REFUSED = "Configuration refusée : le profil de démonstration (« demo ») est actif sur une base "
			+ "PostgreSQL configurée (SPRING_DATASOURCE_URL) et non sur la base embarquée. Avec lui, n'importe qui se "
			+ "connecte en administrateur (admin/demo) et la réinitialisation de la démonstration efface les données de "
			+ "tous les modules. Retirez le profil « demo » (SPRING_PROFILES_ACTIVE), ou, si cette base ne sert qu'à une "
			+ "démonstration, dites-le avec COCON_DEMO_ON_EXTERNAL_DATABASE=true.";

	private DemoDatabaseGuard() {
	}

	static boolean demoOnExternalDatabase(Environment environment) {
		return environment.acceptsProfiles(Profiles.of(DemoSignInConfiguration.DEMO))
				&& !environment.acceptsProfiles(Profiles.of(EMBEDDED));
	}

	static boolean allowed(Environment environment) {
		return environment.getProperty(ON_EXTERNAL_DATABASE, Boolean.class,
				environment.getProperty(ON_EXTERNAL_DATABASE_VARIABLE, Boolean.class, false));
	}

	/** Refuses the start-up of the demo on a configured database that was not declared a demonstration's. */
	static void check(Environment environment) {
		if (!demoOnExternalDatabase(environment)) {
			return;
		}
		if (!allowed(environment)) {
			throw new IllegalStateException(REFUSED);
		}
		LOG.warn("""

				**********************************************************************************************
				*  DÉMONSTRATION SUR UNE BASE CONFIGURÉE (COCON_DEMO_ON_EXTERNAL_DATABASE=true)               *
				*  Les identités de démonstration (admin/demo, agent-<SIREN>) sont ouvertes à tous, et la      *
				*  réinitialisation efface les données de tous les modules. Jamais sur une base de production. *
				**********************************************************************************************""");
	}

	/** The banner of every page of a demonstration on a configured database. */
	@Component
	static class Banner implements PageModel {

		private final boolean shown;

		Banner(Environment environment) {
			this.shown = DemoDatabaseGuard.demoOnExternalDatabase(environment);
		}

		@Override
		public void addTo(Map<String, Object> model, HttpServletRequest request) {
			model.put("demoOnExternalDatabase", shown);
		}
	}
}
