package cocon.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * A bounded view in memory of the signed-in sessions, in front of their table (issue 26, ADR 49). Spring Session JDBC
 * reads a session at each request and writes it back at its end, its last access time changed: two transactions per
 * support sent with a session cookie, which the HTTP Basic path never paid. Here
 * <ul>
 * <li>a session read less than {@code cocon.cache.max-age} ago (2 s, ADR 25) is answered from memory: exact for what
 * this instance wrote, at most that old for another instance's writes (a sign-out elsewhere, a new attribute);</li>
 * <li>a request that changes nothing in its session but the last access time writes it at most once a minute
 * ({@link #TOUCH}): the idle timeout (30 min) is then judged to within a minute, earlier, never later;</li>
 * <li>anything else (sign-in, new CSRF token, change of id, sign-out) goes to the table at once, as before.</li>
 * </ul>
 * The attributes are kept serialized, as in the table, and every request gets its own copies: no request sees
 * another's objects. At most {@link #CAPACITY} sessions, the least recently used leaving first.
 */
final class RecentSessions implements SessionRepository<RecentSessions.Viewed> {

	/** How often at most a session only used, not changed, has its last access written. */
	static final Duration TOUCH = Duration.ofMinutes(1);

	/** How many sessions are kept, a few kilobytes each (a ProConnect identity with its tokens). */
	static final int CAPACITY = 4096;

	private final SessionRepository<Session> store;
	private final long maxAgeNanos;
	private final SerializingConverter serializer = new SerializingConverter();
	private final DeserializingConverter deserializer;
	private final Map<String, Snapshot> recent = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
			return size() > CAPACITY;
		}
	};

	/** A session as the table holds it, when it was read or written, with its last access known here. */
	private record Snapshot(String id, Instant creation, Instant lastAccess, Instant storedLastAccess,
			Duration maxInactive, Map<String, byte[]> attributes, long readAt) {
	}

	@SuppressWarnings("unchecked")
	RecentSessions(SessionRepository<? extends Session> store, Duration maxAge, ClassLoader classLoader) {
		this.store = (SessionRepository<Session>) store;
		this.maxAgeNanos = maxAge.toNanos();
		this.deserializer = new DeserializingConverter(classLoader);
	}

	@Override
	public Viewed createSession() {
		return new Viewed(store.createSession(), null, null, true);
	}

	@Override
	public Viewed findById(String id) {
		var snapshot = fresh(id);
		if (snapshot != null) {
			var copy = copy(snapshot);
			if (!copy.isExpired()) {
				return new Viewed(null, copy, snapshot.storedLastAccess(), false);
			}
			forget(id);
		}
		var stored = store.findById(id);
		if (stored == null) {
			forget(id);
			return null;
		}
		var storedLastAccess = stored.getLastAccessedTime();
		remember(stored, storedLastAccess);
		return new Viewed(stored, null, storedLastAccess, false);
	}

	@Override
	public void save(Viewed session) {
		if (session.isNew || session.changed) {
			write(session.writable(), session.originalId);
			return;
		}
		var lastAccess = session.getLastAccessedTime();
		if (session.storedLastAccess != null && lastAccess.isBefore(session.storedLastAccess.plus(TOUCH))) {
			// used, not changed: nothing to write yet; the last access is known here for the expiry
			touched(session.getId(), lastAccess);
			return;
		}
		var real = session.writable();
		if (real != null) {
			real.setLastAccessedTime(lastAccess);
			write(real, session.originalId);
		}
	}

	@Override
	public void deleteById(String id) {
		forget(id);
		store.deleteById(id);
	}

	private void write(Session real, String originalId) {
		if (real == null) {
			return;
		}
		store.save(real);
		if (originalId != null && !originalId.equals(real.getId())) {
			forget(originalId);
		}
		remember(real, real.getLastAccessedTime());
	}

	private Snapshot fresh(String id) {
		synchronized (recent) {
			var snapshot = recent.get(id);
			return snapshot != null && System.nanoTime() - snapshot.readAt() < maxAgeNanos ? snapshot : null;
		}
	}

	private void remember(Session session, Instant storedLastAccess) {
		var attributes = new LinkedHashMap<String, byte[]>();
		for (var name : session.getAttributeNames()) {
			Object value = session.getAttribute(name);
			if (value != null) {
				attributes.put(name, serializer.convert(value));
			}
		}
		var snapshot = new Snapshot(session.getId(), session.getCreationTime(), session.getLastAccessedTime(),
				storedLastAccess, session.getMaxInactiveInterval(), Map.copyOf(attributes), System.nanoTime());
		synchronized (recent) {
			recent.put(snapshot.id(), snapshot);
		}
	}

	private void touched(String id, Instant lastAccess) {
		synchronized (recent) {
			var snapshot = recent.get(id);
			if (snapshot != null && lastAccess.isAfter(snapshot.lastAccess())) {
				recent.put(id, new Snapshot(id, snapshot.creation(), lastAccess, snapshot.storedLastAccess(),
						snapshot.maxInactive(), snapshot.attributes(), snapshot.readAt()));
			}
		}
	}

	private void forget(String id) {
		synchronized (recent) {
			recent.remove(id);
		}
	}

	private MapSession copy(Snapshot snapshot) {
		var copy = new MapSession(snapshot.id());
		copy.setCreationTime(snapshot.creation());
		copy.setLastAccessedTime(snapshot.lastAccess());
		copy.setMaxInactiveInterval(snapshot.maxInactive());
		snapshot.attributes().forEach((name, bytes) -> copy.setAttribute(name, deserializer.convert(bytes)));
		return copy;
	}

	/**
	 * The session a request sees: the stored one when it was read from the table, or a copy from memory, which any
	 * change replaces by the stored one (read then) before it is changed.
	 */
	final class Viewed implements Session {

		private Session real;
		private final MapSession copy;
		private final String originalId;
		private final Instant storedLastAccess;
		private final boolean isNew;
		private boolean changed;

		Viewed(Session real, MapSession copy, Instant storedLastAccess, boolean isNew) {
			this.real = real;
			this.copy = copy;
			this.originalId = isNew ? null : (real != null ? real.getId() : copy.getId());
			this.storedLastAccess = storedLastAccess;
			this.isNew = isNew;
		}

		private Session current() {
			return real != null ? real : copy;
		}

		/** The stored session, read now if this one came from memory; null if it is no longer stored. */
		private Session writable() {
			if (real == null) {
				real = store.findById(originalId);
				if (real == null) {
					forget(originalId);
					return null;
				}
				real.setLastAccessedTime(copy.getLastAccessedTime());
			}
			return real;
		}

		private Session changing() {
			changed = true;
			var target = writable();
			return target != null ? target : copy;
		}

		@Override
		public String getId() {
			return current().getId();
		}

		@Override
		public String changeSessionId() {
			return changing().changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return current().getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return current().getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			changing().setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			if (current().getAttribute(name) != null) {
				changing().removeAttribute(name);
			}
		}

		@Override
		public Instant getCreationTime() {
			return current().getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			current().setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return current().getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			if (!interval.equals(current().getMaxInactiveInterval())) {
				changing().setMaxInactiveInterval(interval);
			}
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return current().getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return current().isExpired();
		}
	}

	/**
	 * Puts the view in front of the table used by Spring Session's filter; the store itself stays the bean that the
	 * clean-up job and the outage guard know ({@link ExpiredSessions}, {@link FailFastSessions}).
	 */
	@Configuration(proxyBeanMethods = false)
	static class Installation {

		@Bean
		static BeanPostProcessor recentSessionsInFrontOfTheTable(ObjectProvider<JdbcIndexedSessionRepository> store,
				ObjectProvider<CookieSerializer> cookies, Environment environment) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof SessionRepositoryFilter<?> original) || !"springSessionRepositoryFilter".equals(beanName)) {
						return bean;
					}
					var maxAge = environment.getProperty("cocon.cache.max-age", Duration.class, Duration.ofSeconds(2));
					if (maxAge.isZero()) {
						return original;
					}
					var filter = new SessionRepositoryFilter<>(
							new RecentSessions(store.getObject(), maxAge, RecentSessions.class.getClassLoader()));
					var resolver = new CookieHttpSessionIdResolver();
					cookies.ifAvailable(resolver::setCookieSerializer);
					filter.setHttpSessionIdResolver(resolver);
					return filter;
				}
			};
		}
	}
}
