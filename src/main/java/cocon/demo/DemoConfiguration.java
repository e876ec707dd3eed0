package cocon.demo;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demonstration replay exists only in the {@code demo} profile (impossible in production, ADR 4) and with
 * {@code cocon.demo.seed} on (the default of the embedded run; tests turn it off). It puts {@link ReplayClock} in
 * front of the system clock that every module injects.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "cocon.demo.seed", havingValue = "true", matchIfMissing = true)
class DemoConfiguration {

	/**
	 * Wraps the system clock only: a test that installed its own clock to move time keeps it untouched (and the
	 * replay then refuses to run, see {@link DemoReplay}).
	 */
	@Bean
	static BeanPostProcessor replayClockInstaller() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof Clock clock && !(bean instanceof ReplayClock)
						&& clock.getClass().getName().startsWith("java.time.")) {
					return new ReplayClock(clock);
				}
				return bean;
			}
		};
	}
}
