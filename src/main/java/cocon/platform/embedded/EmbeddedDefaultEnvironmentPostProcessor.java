package cocon.platform.embedded;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured, Cocon starts its own real
 * PostgreSQL ({@code embedded} profile) and offers the demo sign-in ({@code demo} profile). With a configured
 * database, neither is active unless asked for.
 */
public class EmbeddedDefaultEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	public static final String EMBEDDED = "embedded";
	public static final String DEMO = "demo";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || url.isBlank()) {
			environment.addActiveProfile(EMBEDDED);
			environment.addActiveProfile(DEMO);
			// the server starts now, while Spring builds its context (issue 26); the bean waits for it
			EarlyPostgres.begin(environment.getProperty("cocon.embedded-postgres.data-directory", ""),
					environment.getProperty("cocon.embedded-postgres.port", Integer.class, 0),
					environment.getProperty("cocon.embedded-postgres.template", ""));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
