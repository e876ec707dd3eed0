package cocon.identity;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Puts the view in front of the table used by Spring Session's filter; the store itself stays the bean that the
 * clean-up job and the outage guard know ({@link ExpiredSessions}, {@link FailFastSessions}).
 */
@Configuration(proxyBeanMethods = false)
class RecentSessionsInstallation {

	/** Off with {@code cocon.sessions.listen-changes=false} (a pooler that does not pass LISTEN on): the bound then. */
	@Bean
	static SessionChanges sessionChanges(ObjectProvider<DataSource> dataSource, Environment environment) {
		return new SessionChanges(dataSource::getObject, maxAge(environment),
				!maxAge(environment).isZero()
						&& environment.getProperty("cocon.sessions.listen-changes", Boolean.class, true));
	}

	private static Duration maxAge(Environment environment) {
		return environment.getProperty("cocon.cache.max-age", Duration.class, Duration.ofSeconds(2));
	}

	/** The last accesses of the sessions, written together once a second (ADR 0063); what is noted is written at close. */
	@Bean
	SessionTouches sessionTouches(DataSource dataSource) {
		return new SessionTouches(dataSource, SessionTouches.FLUSH_EVERY);
	}

	@Bean
	static BeanPostProcessor recentSessionsInFrontOfTheTable(ObjectProvider<JdbcIndexedSessionRepository> store,
			ObjectProvider<CookieSerializer> cookies, ObjectProvider<SessionChanges> changes,
			ObjectProvider<SessionTouches> touches, Environment environment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof SessionRepositoryFilter<?> original) || !"springSessionRepositoryFilter".equals(beanName)) {
					return bean;
				}
				var maxAge = maxAge(environment);
				if (maxAge.isZero()) {
					return original;
				}
				var listening = changes.getObject();
				var filter = new SessionRepositoryFilter<>(new RecentSessions(store.getObject(), maxAge,
						RecentSessions.class.getClassLoader(), listening.enabled() ? listening : null,
						touches.getObject()));
				var resolver = new CookieHttpSessionIdResolver();
				cookies.ifAvailable(resolver::setCookieSerializer);
				filter.setHttpSessionIdResolver(resolver);
				return filter;
			}
		};
	}
}
