package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/**
 * The demo identities run on the embedded PostgreSQL only, unless a configured database is declared a
 * demonstration's (ADR 0034): otherwise the start-up is refused before any bean is made.
 */
class DemoDatabaseGuardTests {

	@Test
	void theDemoProfileOnAConfiguredDatabaseDoesNotStart() {
		new ApplicationContextRunner().withUserConfiguration(DemoSignInConfiguration.class)
				.withInitializer(context -> context.getEnvironment().addActiveProfile("demo"))
				.withPropertyValues("spring.datasource.url=jdbc:postgresql://production.invalid/cocon")
				.run(context -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).isInstanceOf(IllegalStateException.class)
							.hasMessageContaining("base PostgreSQL configurée")
							.hasMessageContaining("COCON_DEMO_ON_EXTERNAL_DATABASE=true");
				});
	}

	@Test
	void theEmbeddedDatabaseOrAnExplicitDeclarationLetsItStart() {
		assertThatNoException().isThrownBy(() -> DemoDatabaseGuard.check(environment("demo", "embedded")));
		assertThatNoException().isThrownBy(() -> DemoDatabaseGuard.check(environment("demo")
				.withProperty("cocon.demo.on-external-database", "true")));
		assertThatNoException().isThrownBy(() -> DemoDatabaseGuard.check(environment("demo")
				.withProperty("COCON_DEMO_ON_EXTERNAL_DATABASE", "true")));
		assertThatNoException().isThrownBy(() -> DemoDatabaseGuard.check(environment()));
		assertThat(DemoDatabaseGuard.demoOnExternalDatabase(environment("demo"))).as("the banner of the pages").isTrue();
		assertThat(DemoDatabaseGuard.demoOnExternalDatabase(environment("demo", "embedded"))).isFalse();
	}

	@Test
	void anUndeclaredConfiguredDatabaseIsRefusedEvenWithTheVariableFalse() {
		var environment = environment("demo").withProperty("COCON_DEMO_ON_EXTERNAL_DATABASE", "false");
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
				.isThrownBy(() -> DemoDatabaseGuard.check(environment));
	}

	private static MockEnvironment environment(String... profiles) {
		var environment = new MockEnvironment();
		environment.setActiveProfiles(profiles);
		return environment;
	}
}
