package cocon.voting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 25: the demonstration's reset empties every table of the module, the one-row count position with them, and
 * every publication of supports then failed. The position is made again when its row is missing. (The emptying is
 * rolled back: the test database is shared.)
 */
class CountPositionTests extends VotingTestSupport {

	@Autowired
	Supports supports;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void thePositionOfTheCountsStartsAgainWhenItsRowWasEmptied() {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("delete from voting.count_position").update();

			assertThat(supports.nextCountPosition()).isEqualTo(1);
			assertThat(supports.nextCountPosition()).isEqualTo(2);

			status.setRollbackOnly();
		});
		long before = jdbc.sql("select position from voting.count_position").query(Long.class).single();
		transactions.executeWithoutResult(status -> {
			assertThat(supports.nextCountPosition()).as("an existing row moves forward").isEqualTo(before + 1);
			status.setRollbackOnly();
		});
	}
}
