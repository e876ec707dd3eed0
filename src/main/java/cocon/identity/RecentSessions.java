package cocon.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A bounded view in memory of the signed-in sessions, in front of their table (issue 26, ADR 49). Spring Session JDBC
 * reads a session at each request and writes it back at its end, its last access time changed: two transactions per
 * support sent with a session cookie, which the HTTP Basic path never paid. Here
 * <ul>
 * <li>a session read less than {@code cocon.cache.max-age} ago (2 s, ADR 25) is answered from memory: exact for what
 * this instance wrote, at most that old for another instance's writes (a sign-out elsewhere, a new attribute); while
 * the changes of the table are listened to ({@link SessionChanges}, ADR 57), a session stays answered from memory
 * until a change of it is announced, with the same bound;</li>
 * <li>a request that changes nothing in its session but the last access time writes it at most once a minute
 * ({@link #TOUCH}): the idle timeout (30 min) is then judged to within a minute, earlier, never later;</li>
 * <li>anything else (sign-in, new CSRF token, change of id, sign-out) goes to the table at once, as before.</li>
 * </ul>
 * Every request gets its own copy of what can be changed (ADR 57: the security context is kept deserialized, a new
 * context per request around the same authentication; immutable values are shared; anything else stays serialized as
 * in the table and is deserialized per request): no request sees another's changes. At most {@link #CAPACITY} sessions, the least recently used leaving first.
 */
final class RecentSessions implements SessionRepository<RecentSessions.Viewed>, SessionChanges.Receiver {

	/** How often at most a session only used, not changed, has its last access written. */
	static final Duration TOUCH = Duration.ofMinutes(1);

	/** How many sessions are kept, a few kilobytes each (a ProConnect identity with its tokens). */
	static final int CAPACITY = 4096;

	private final SessionRepository<Session> store;
	private final long maxAgeNanos;
	private final SessionChanges changes;
	private final SerializingConverter serializer = new SerializingConverter();
	private final KeptAttributes kept;
	private final SessionTouches touches;
	private final Map<String, Snapshot> recent = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
			return size() > CAPACITY;
		}
	};

	/**
	 * The changes announced recently (ADR 57), by session: a read of the table that a change overtook is not trusted
	 * beyond the bound. Bounded; {@link #forgottenNotice} is the number of the last notice that left.
	 */
	private final Map<String, Notice> notices = new LinkedHashMap<>(256, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Notice> eldest) {
			if (size() > CAPACITY) {
				forgottenNotice = eldest.getValue().number();
				return true;
			}
			return false;
		}
	};
	private long lastNotice;
	private long forgottenNotice;

	/** A change announced: its number here, and the last access stored with it (-1: something else changed). */
	private record Notice(long number, long storedLastAccess) {
	}

	/**
	 * A session as the table holds it, when it was read or written, with its last access known here; {@code watched}
	 * is the listening connection that has announced every change of it since (0: none, the bound applies).
	 */
	private record Snapshot(String id, Instant creation, Instant lastAccess, Instant storedLastAccess,
			Duration maxInactive, Map<String, Object> attributes, long readAt, long watched) {
	}

	/** Where a read or a write of the table started: the listening connection and the last notice then. */
	private record Start(long epoch, long notice) {
	}

	@SuppressWarnings("unchecked")
	RecentSessions(SessionRepository<? extends Session> store, Duration maxAge, ClassLoader classLoader,
			SessionChanges changes, SessionTouches touches) {
		this.store = (SessionRepository<Session>) store;
		this.maxAgeNanos = maxAge.toNanos();
		this.kept = new KeptAttributes(classLoader);
		this.touches = touches;
		if (touches != null) {
			touches.notWrittenTo(this::forget);
		}
		this.changes = changes;
		if (changes != null) {
			changes.deliverTo(this);
		}
	}

	@Override
	public void changed(String sessionId, long storedLastAccess) {
		synchronized (recent) {
			var notice = new Notice(++lastNotice, storedLastAccess);
			notices.merge(sessionId, notice, (before, now) -> before.storedLastAccess() == now.storedLastAccess() ? now
					: new Notice(now.number(), -1));
			var snapshot = recent.get(sessionId);
			// this instance's own write comes back with the last access it stored: nothing to forget then
			if (snapshot != null && (storedLastAccess < 0
					|| snapshot.storedLastAccess().toEpochMilli() != storedLastAccess)) {
				recent.remove(sessionId);
			}
		}
	}

	private Start start() {
		synchronized (recent) {
			return new Start(changes != null ? changes.epoch() : 0, lastNotice);
		}
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
		var start = start();
		var stored = store.findById(id);
		if (stored == null) {
			forget(id);
			return null;
		}
		var storedLastAccess = stored.getLastAccessedTime();
		remember(stored, storedLastAccess, start);
		return new Viewed(stored, null, storedLastAccess, false);
	}

	@Override
	public void save(Viewed session) {
		// Spring Session saves a session twice in a request whose answer was flushed before its end (once when the
		// answer is committed, once at the end of its filter): what the first save wrote is not written again
		if (session.isNew || session.changed) {
			var real = session.writable();
			write(real, session.originalId);
			if (real != null) {
				session.written(real.getLastAccessedTime());
			}
			return;
		}
		var lastAccess = session.getLastAccessedTime();
		if (session.storedLastAccess != null && lastAccess.isBefore(session.storedLastAccess.plus(TOUCH))) {
			// used, not changed: nothing to write yet; the last access is known here for the expiry
			held(session.getId(), lastAccess, false);
			return;
		}
		if (touches != null) {
			// written with the others within a second; held here as stored already, so that the session's next
			// requests do not note it again and the notice of that write keeps it; forgotten if the write fails
			touches.note(session.getId(), lastAccess, session.getMaxInactiveInterval());
			held(session.getId(), lastAccess, true);
			session.written(lastAccess);
			return;
		}
		var real = session.writable();
		if (real != null) {
			real.setLastAccessedTime(lastAccess);
			write(real, session.originalId);
			session.written(lastAccess);
		}
	}

	/**
	 * The last access known here; with {@code stored}, this instance writes it (a touch): what it holds is what the
	 * table holds once written, and only the last access changes: what was watched still is.
	 */
	private void held(String id, Instant lastAccess, boolean stored) {
		synchronized (recent) {
			var s = recent.get(id);
			if (s != null && (stored || lastAccess.isAfter(s.lastAccess()))) {
				recent.put(id, new Snapshot(id, s.creation(), lastAccess, stored ? lastAccess : s.storedLastAccess(),
						s.maxInactive(), s.attributes(), s.readAt(), s.watched()));
			}
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
		var start = start();
		store.save(real);
		if (originalId != null && !originalId.equals(real.getId())) {
			forget(originalId);
		}
		remember(real, real.getLastAccessedTime(), start);
	}

	private Snapshot fresh(String id) {
		synchronized (recent) {
			var snapshot = recent.get(id);
			if (snapshot == null) {
				return null;
			}
			if (System.nanoTime() - snapshot.readAt() < maxAgeNanos || changes != null && changes.upToDate(snapshot.watched())) {
				return snapshot;
			}
			return null;
		}
	}

	private void remember(Session session, Instant storedLastAccess, Start start) {
		var attributes = new LinkedHashMap<String, Object>();
		for (var name : session.getAttributeNames()) {
			Object value = session.getAttribute(name);
			if (value != null) {
				attributes.put(name, kept.kept(serializer.convert(value)));
			}
		}
		synchronized (recent) {
			var snapshot = new Snapshot(session.getId(), session.getCreationTime(), session.getLastAccessedTime(),
					storedLastAccess, session.getMaxInactiveInterval(), Map.copyOf(attributes), System.nanoTime(),
					watched(session.getId(), storedLastAccess, start));
			recent.put(snapshot.id(), snapshot);
		}
	}

	/**
	 * The listening connection under which what was just read or written stays true until announced otherwise: the
	 * same as at the start, and no change of the session announced since, but this instance's own write.
	 */
	private long watched(String id, Instant storedLastAccess, Start start) {
		if (start.epoch() == 0 || changes.epoch() != start.epoch() || forgottenNotice > start.notice()) {
			return 0;
		}
		var notice = notices.get(id);
		if (notice == null || notice.number() <= start.notice()
				|| notice.storedLastAccess() == storedLastAccess.toEpochMilli()) {
			return start.epoch();
		}
		return 0;
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
		snapshot.attributes().forEach((name, kept) -> copy.setAttribute(name, this.kept.given(kept)));
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
		private Instant storedLastAccess;
		private boolean isNew;
		private boolean changed;

		Viewed(Session real, MapSession copy, Instant storedLastAccess, boolean isNew) {
			this.real = real;
			this.copy = copy;
			this.originalId = isNew ? null : (real != null ? real.getId() : copy.getId());
			this.storedLastAccess = storedLastAccess;
			this.isNew = isNew;
		}

		/** Saved: what the table holds (or will hold once the touch is written) until changed again. */
		private void written(Instant lastAccess) {
			isNew = false;
			changed = false;
			storedLastAccess = lastAccess;
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
}
