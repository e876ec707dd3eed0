package cocon.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health of the sign-in, {@code proconnect} (ADR 0032): UP when ProConnect answers or is not configured,
 * {@code DEGRADED} while it cannot be reached. The readiness group includes it, and the status order puts DEGRADED
 * after UP, so that readiness shows the sign-in degraded without taking the instance out of the load balancer: its
 * public pages and open data are still served. The {@code connexion} group answers 503 while it is, for monitoring.
 * Always present, so that the groups that name it are valid with or without ProConnect.
 */
@Configuration(proxyBeanMethods = false)
class SignInHealth {

	@Bean
	HealthIndicator proconnectHealthIndicator(ObjectProvider<ProConnectRegistrations> registrations) {
		return () -> {
			var proConnect = registrations.getIfAvailable();
			return proConnect == null ? Health.up().withDetail("proconnect", "non configuré").build() : proConnect.health();
		};
	}
}
