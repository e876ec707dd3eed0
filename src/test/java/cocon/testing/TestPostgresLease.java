package cocon.testing;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts the Spring contexts that use the test PostgreSQL. Registered before any bean, its disposal runs after
 * every other bean's, so the server outlives the last context's shutdown work.
 */
public class TestPostgresLease implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPostgresEnvironmentPostProcessor.contextOpened();
		if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean("testPostgresLease", (DisposableBean) TestPostgresEnvironmentPostProcessor::contextClosed);
		}
	}
}
