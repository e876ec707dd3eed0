package cocon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** What counts as « the database is unreachable » (503), and what does not (a bug, a bad request: not 503). */
class DatabaseUnavailableTests {

	@Test
	void aSignInThatCouldNotLookTheIdentityUpIsADatabaseFailureNotAWrongPassword() {
		var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out");
		var signIn = new InternalAuthenticationServiceException("lookup failed",
				new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", pool));
		assertThat(DatabaseUnavailable.isCause(signIn)).isTrue();
	}

	@Test
	void aTransactionThatCannotBeginOrAConnectionRefusedIsADatabaseFailure() {
		assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("Could not open JDBC Connection",
				new ConnectException("Connection refused")))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new RuntimeException(new ConnectException("Connection refused"))))
				.isTrue();
	}

	@Test
	void postgresqlSayingItIsGoneOrShuttingDownIsADatabaseFailure() {
		assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("Could not commit",
				new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new UncategorizedSQLException("select", "select 1",
				new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
		assertThat(DatabaseUnavailable.isCause(new SQLException("the database system is starting up", "57P03")))
				.isTrue();
	}

	@Test
	void aRollbackThatFailsBecauseTheDatabaseWentAwayMidTransactionIsADatabaseFailure() {
		// what the pool answers once PostgreSQL has cut the connection: no SQLSTATE to recognise it by
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
				"An I/O error occurred while sending to the backend."));
		assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();
		var buggy = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		buggy.initApplicationException(new IllegalStateException("a bug"));
		assertThat(DatabaseUnavailable.isCause(buggy)).isFalse();
	}

	@Test
	void aConstraintViolationOrABadArgumentIsNotADatabaseFailure() {
		assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
		assertThat(DatabaseUnavailable.isCause(new IllegalArgumentException("SIREN invalide"))).isFalse();
		assertThat(DatabaseUnavailable.isCause(new UncategorizedSQLException("select", "select 1",
				new SQLException("canceling statement due to user request", "57014")))).isFalse();
	}
}
