package cocon.identity;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens to the changes of the sessions' table that every instance announces ({@code NOTIFY cocon_sessions}, a
 * trigger of migration V9_1_1, ADR 57), for {@link RecentSessions}: while this instance listens, a session it keeps in
 * memory stays valid until a change of it is announced, instead of {@code cocon.cache.max-age} after it was read.
 * <p>
 * The bound of ADR 25 is kept: a cheap query on the listening connection every quarter of the bound confirms that
 * every change committed before it has been received ({@link #upToDate}); when the connection is lost, or no
 * confirmation came within the bound, the view falls back to the bound itself, and a session kept before a new
 * connection is never trusted beyond the bound again (a change may have been missed in between).
 */
final class SessionChanges implements SmartLifecycle {

	static final String CHANNEL = "cocon_sessions";

	/** The query that confirms the connection, recognizable in {@code pg_stat_activity}. */
	static final String CONFIRMATION = "select 'cocon_sessions: listening'";

	private static final Logger LOG = LoggerFactory.getLogger(SessionChanges.class);

	/** What is told of the announced changes. */
	interface Receiver {

		/** The session was changed, renamed or deleted; {@code storedLastAccess} is its new last access, or -1. */
		void changed(String sessionId, long storedLastAccess);
	}

	private final Supplier<DataSource> dataSource;
	private final boolean enabled;
	private final long maxAgeNanos;
	private final long confirmEveryMillis;
	private volatile Receiver receiver = (id, lastAccess) -> {
	};
	private volatile boolean running;
	private volatile Thread thread;
	/** The current listening connection's number, 0 while there is none. */
	private volatile long epoch;
	private long epochs;
	/** When the last query started after which every announced change had been received. */
	private volatile long confirmedAt;

	SessionChanges(Supplier<DataSource> dataSource, Duration maxAge, boolean enabled) {
		this.dataSource = dataSource;
		this.enabled = enabled;
		this.maxAgeNanos = maxAge.toNanos();
		this.confirmEveryMillis = Math.max(50, maxAge.toMillis() / 4);
	}

	boolean enabled() {
		return enabled;
	}

	void deliverTo(Receiver receiver) {
		this.receiver = receiver;
	}

	/** The listening connection's number now (0: none), to be given back to {@link #upToDate}. */
	long epoch() {
		return epoch;
	}

	/**
	 * Whether a session read while {@code since} was the listening connection, and not announced changed since, is
	 * still what the table holds, give or take the changes of the last {@code cocon.cache.max-age}.
	 */
	boolean upToDate(long since) {
		return since != 0 && since == epoch && System.nanoTime() - confirmedAt < maxAgeNanos;
	}

	@Override
	public void start() {
		if (!enabled) {
			return;
		}
		running = true;
		var listening = new Thread(this::listen, "cocon-session-changes");
		listening.setDaemon(true);
		thread = listening;
		listening.start();
	}

	@Override
	public void stop() {
		running = false;
		epoch = 0;
		var listening = thread;
		if (listening != null) {
			listening.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		boolean warned = false;
		while (running) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				connection.setAutoCommit(true);
				statement.execute("listen " + CHANNEL);
				var notifications = new Notifications(connection);
				confirmedAt = System.nanoTime();
				epoch = ++epochs;
				if (warned) {
					LOG.info("Changements des sessions de nouveau écoutés");
					warned = false;
				}
				long lastConfirmation = System.nanoTime();
				while (running) {
					long wait = confirmEveryMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastConfirmation);
					if (wait > 0) {
						deliver(notifications.getNotifications((int) wait));
						continue;
					}
					lastConfirmation = System.nanoTime();
					statement.execute(CONFIRMATION);
					deliver(notifications.getNotifications());
					confirmedAt = lastConfirmation;
				}
			}
			catch (SQLException | RuntimeException e) {
				epoch = 0;
				if (running && !warned) {
					LOG.warn("Changements des sessions non écoutés, sessions relues après {} ms : {}",
							TimeUnit.NANOSECONDS.toMillis(maxAgeNanos), e.getMessage());
					warned = true;
				}
				pause();
			}
		}
		epoch = 0;
	}

	/**
	 * A connection of its own, outside the pool: it is held for as long as the instance runs, and the pool never learns
	 * of a failure met through the driver's own API (the connection would go back to the pool as if sound).
	 */
	private Connection connect() throws SQLException {
		var pool = dataSource.get();
		if (!pool.isWrapperFor(HikariDataSource.class)) {
			return pool.getConnection();
		}
		var hikari = pool.unwrap(HikariDataSource.class);
		var properties = new Properties();
		properties.putAll(hikari.getDataSourceProperties());
		if (hikari.getUsername() != null) {
			properties.setProperty("user", hikari.getUsername());
		}
		if (hikari.getPassword() != null) {
			properties.setProperty("password", hikari.getPassword());
		}
		properties.setProperty("ApplicationName", "cocon-session-changes");
		return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
	}

	private void deliver(List<String> payloads) {
		for (var payload : payloads) {
			int space = payload.indexOf(' ');
			if (space < 0) {
				receiver.changed(payload, -1);
			}
			else {
				receiver.changed(payload.substring(0, space), Long.parseLong(payload.substring(space + 1)));
			}
		}
	}

	/**
	 * The driver's notifications, reached by reflection: the PostgreSQL driver is a runtime dependency only (the code
	 * is compiled against JDBC), and this is its one use of the driver's own API.
	 */
	private static final class Notifications {

		private final Object connection;
		private final Method waiting;
		private final Method received;
		private Method parameter;

		Notifications(Connection connection) throws SQLException {
			try {
				var type = Class.forName("org.postgresql.PGConnection", true, SessionChanges.class.getClassLoader());
				this.connection = connection.unwrap(type);
				this.waiting = type.getMethod("getNotifications", int.class);
				this.received = type.getMethod("getNotifications");
			}
			catch (ReflectiveOperationException e) {
				throw new SQLException("Pilote PostgreSQL introuvable", e);
			}
		}

		/** Waits at most that long for the first ones. */
		List<String> getNotifications(int millis) throws SQLException {
			return payloads(waiting, millis);
		}

		/** Those received already, without waiting. */
		List<String> getNotifications() throws SQLException {
			return payloads(received);
		}

		private List<String> payloads(Method method, Object... arguments) throws SQLException {
			try {
				var notifications = (Object[]) method.invoke(connection, arguments);
				if (notifications == null || notifications.length == 0) {
					return List.of();
				}
				if (parameter == null) {
					parameter = Class.forName("org.postgresql.PGNotification", true,
							SessionChanges.class.getClassLoader()).getMethod("getParameter");
				}
				var payloads = new ArrayList<String>(notifications.length);
				for (var notification : notifications) {
					payloads.add((String) parameter.invoke(notification));
				}
				return payloads;
			}
			catch (InvocationTargetException e) {
				throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
			}
			catch (ReflectiveOperationException e) {
				throw new SQLException(e);
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}
}
