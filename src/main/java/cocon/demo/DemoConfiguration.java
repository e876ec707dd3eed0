package cocon.demo;

import java.time.Clock;
import java.util.function.BooleanSupplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import cocon.identity.SignInHistory;
import cocon.shared.Refusal;

/**
 * The demonstration replay exists only in the {@code demo} profile (impossible in production, ADR 4) and with
 * {@code cocon.demo.seed} on (the default of the embedded run; tests turn it off). It puts {@link ReplayClock} in
 * front of the system clock that every module injects.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "cocon.demo.seed", havingValue = "true", matchIfMissing = true)
class DemoConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(DemoConfiguration.class);

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

	static final String RESET_REFUSED = "Réinitialisation refusée : cette base de données a déjà servi à des connexions "
			+ "ProConnect, ses données ne sont pas celles d'une démonstration. Rien n'a été effacé.";

	/**
	 * The guard of the reset (ADR 0034): the demonstration empties every business schema before it replays 2021, which
	 * it never does on a database where real people ever signed in ({@link SignInHistory}), whatever the
	 * configuration says. Asked at each reset (another instance may share the database), and at start-up, where a
	 * replay cut short would be erased and made again.
	 */
	@Bean
	static BeanPostProcessor resetGuard(ObjectProvider<SignInHistory> history) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DemoReplay replay ? guarded(replay, () -> history.getObject().realSignInSeen()) : bean;
			}
		};
	}

	private static final java.util.Set<String> GUARDED = java.util.Set.of("reset", "prepareIfNeeded", "onReady");

	static DemoReplay guarded(DemoReplay replay, BooleanSupplier realSignInSeen) {
		var proxy = new ProxyFactory(replay);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice((MethodInterceptor) invocation -> {
			String method = invocation.getMethod().getName();
			// onReady calls prepareIfNeeded on the replay itself, past this proxy: both are guarded
			if (GUARDED.contains(method) && realSignInSeen.getAsBoolean()) {
				LOG.warn("Démonstration : {}", RESET_REFUSED);
				return switch (method) {
					case "reset" -> throw new Refusal.Conflict(RESET_REFUSED);
					case "prepareIfNeeded" -> false;
					default -> null;
				};
			}
			return invocation.proceed();
		});
		return (DemoReplay) proxy.getProxy(DemoReplay.class.getClassLoader());
	}
}
