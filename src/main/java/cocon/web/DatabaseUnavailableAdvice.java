package cocon.web;

import cocon.platform.DatabaseUnavailable;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Database unreachable while a controller works (no connection within the pool's timeout, transaction that cannot
 * begin, connection lost in the middle): {@code 503} with {@code Retry-After}, for the API and the pages alike. Ahead
 * of every other advice, whose catch-all would answer 500. The exception itself or any of its causes counts (Spring
 * MVC matches handlers on causes too), so a failure wrapped by a library is recognised as well.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, SQLTransientConnectionException.class,
			SQLNonTransientConnectionException.class })
	void unavailable(Exception exception, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		UnavailableAnswer.send(request, response, exception);
	}

	/**
	 * Failures that may or may not come from a lost connection (a commit that failed, an uncategorised SQL error):
	 * 503 only when their cause says so, otherwise the usual handling of unexpected errors.
	 */
	@ExceptionHandler({ TransactionSystemException.class, UncategorizedSQLException.class })
	void perhapsUnavailable(Exception exception, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		if (!DatabaseUnavailable.isCause(exception)) {
			throw exception;
		}
		UnavailableAnswer.send(request, response, exception);
	}
}
