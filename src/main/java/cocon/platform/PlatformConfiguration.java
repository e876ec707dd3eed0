package cocon.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cocon.shared.Window;

/** Beans every module may inject. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** The clock of every rule that depends on time; tests replace it to move time instead of sleeping. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(Window.PARIS);
	}
}
