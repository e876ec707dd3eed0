package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The demo identities can never be offered next to ProConnect: such a configuration does not start. */
class DemoProfileGuardTests {

	final ApplicationContextRunner proConnect = new ApplicationContextRunner()
			.withUserConfiguration(ProConnectConfiguration.class)
			.withPropertyValues("proconnect.issuer-uri=https://proconnect.invalid/api/v2",
					"proconnect.client-id=cocon", "proconnect.client-secret=secret");

	@Test
	void refusesToStartWithTheDemoProfileAndProConnect() {
		proConnect.withInitializer(context -> context.getEnvironment().addActiveProfile("demo"))
				.run(context -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure())
							.isInstanceOf(IllegalStateException.class)
							.hasMessageContaining("profil de démonstration")
							.hasMessageContaining("PROCONNECT_ISSUER_URI");
				});
	}

	@Test
	void proConnectIsNotConfiguredWithoutItsIssuer() {
		new ApplicationContextRunner().withUserConfiguration(ProConnectConfiguration.class)
				.withInitializer(context -> context.getEnvironment().addActiveProfile("demo"))
				.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ProConnectUserInfo.class));
	}
}
