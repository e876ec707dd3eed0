package cocon.identity;

import cocon.platform.DatabaseUnavailable;
import java.time.Duration;
import java.util.Set;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The sessions are in PostgreSQL (ADR 23): while it is down, reading or saving a session would wait for a connection
 * (2 s, ADR 10) at every call, several times in one request (the CSRF token, the security context, the save at the
 * end, the error page). The call that meets the failure throws it (the request answers 503, ADR 10); for
 * {@link #FAIL_FAST} after it, the store answers at once as if there were no session and drops what would be saved,
 * so that the 503 page renders and later requests answer within ADR 10's bound instead of adding one wait per call;
 * the first call after that asks the database again. The store stays a {@link JdbcIndexedSessionRepository} (a
 * proxy of it).
 */
@Component
class FailFastSessions implements BeanPostProcessor {

	static final Duration FAIL_FAST = Duration.ofSeconds(2);

	private static final Set<String> READS_AND_WRITES = Set.of("findById", "save", "deleteById", "findByIndexNameAndIndexValue",
			"findByPrincipalName");

	private volatile long failedAt;

	private volatile boolean failed;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof JdbcIndexedSessionRepository)) {
			return bean;
		}
		var proxy = new ProxyFactory(bean);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice((MethodInterceptor) invocation -> {
			if (!READS_AND_WRITES.contains(invocation.getMethod().getName())) {
				return invocation.proceed();
			}
			if (failed && System.nanoTime() - failedAt < FAIL_FAST.toNanos()) {
				// the request already knows (the first failure answered 503): its error page renders without a
				// session, and what it would save is dropped, as nothing could be stored now
				return null;
			}
			try {
				var result = invocation.proceed();
				failed = false;
				return result;
			}
			catch (RuntimeException failure) {
				if (DatabaseUnavailable.isCause(failure)) {
					failedAt = System.nanoTime();
					failed = true;
				}
				throw failure;
			}
		});
		return proxy.getProxy(bean.getClass().getClassLoader());
	}
}
