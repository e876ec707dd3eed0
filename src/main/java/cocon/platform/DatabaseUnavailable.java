package cocon.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure caused by the database being unreachable (stopped, restarting, network cut, pool exhausted
 * for longer than its timeout), as opposed to a bug or a bad request: the answer is then 503 with
 * {@code Retry-After}, never 500, and never « wrong password » at sign-in (ADR 0010).
 */
public final class DatabaseUnavailable {

	/** What {@code Retry-After} tells the client: long enough for a restart of PostgreSQL, short enough to retry. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private DatabaseUnavailable() {
	}

	/** Whether the exception, or one of its causes, says that the database could not be reached. */
	public static boolean isCause(Throwable exception) {
		int depth = 0;
		for (Throwable cause = exception; cause != null && depth < 20; cause = cause.getCause(), depth++) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && connectionLost(sql.getSQLState())) {
				return true;
			}
			// the database went away in the middle of a transaction: its rollback fails too ("Connection is closed",
			// no SQLSTATE), and the failure that matters is the one the rollback hides
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isCause(rollback.getApplicationException())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server shuts down, crashed, or cannot accept
	 * connections yet): PostgreSQL's way of saying it is not there.
	 */
	private static boolean connectionLost(String state) {
		return state != null && (state.startsWith("08") || "57P01".equals(state) || "57P02".equals(state)
				|| "57P03".equals(state));
	}

	/** The value of the {@code Retry-After} header, in seconds. */
	public static String retryAfter() {
		return Long.toString(RETRY_AFTER.toSeconds());
	}
}
