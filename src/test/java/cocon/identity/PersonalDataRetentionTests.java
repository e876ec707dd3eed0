package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;

/**
 * Issue 20, finding 7: the retention periods the personal-data page states are enforced by a daily job, locked so
 * that one instance runs it. The data of this test are placed in 2001 and 2004, long before any other test's, so
 * that the job run at the start of 2005 erases those of 2001 only (the database is shared by the test run).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class PersonalDataRetentionTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	PersonalDataRetention retention;

	@Test
	void theDailyJobErasesWhatIsKeptLongerThanThePageSaysAndNothingElse() {
		var expired = PersonalDataFixture.of(jdbc, 2001);
		var kept = PersonalDataFixture.of(jdbc, 2004);
		clock.set(Instant.parse("2005-01-03T02:30:00Z"));

		retention.run();

		// 3 years after the last sign-in, after the close of the contribution and support windows, after the last
		// application or workshop, after the funding decision
		assertThat(knownIdentity(expired)).isZero();
		assertThat(knownIdentity(kept)).isEqualTo(1);
		assertThat(contributionAuthor(expired)).isNull();
		assertThat(contributionAuthor(kept)).isEqualTo(kept.user().email());
		assertThat(supportedBy(expired)).isEqualTo("agent de la collectivité (identifiant effacé)");
		assertThat(supportedBy(kept)).isEqualTo(kept.user().username());
		assertThat(contact(expired)).isEqualTo("adresse-effacee@contact.invalid");
		assertThat(contact(kept)).isEqualTo(kept.user().email());
		assertThat(conflictReason(expired)).isEqualTo("Motif effacé");
		assertThat(conflictReason(kept)).isEqualTo("Mon conjoint dirige le prestataire pressenti.");
		assertThat(jdbc.sql("""
				select count(*) from platform.personal_data_erasure
				where requested_by = 'RETENTION' and subject_hash is null and erased_at = ?""")
				.param(java.sql.Timestamp.from(clock.instant())).query(Long.class).single())
				.as("the run is logged, naming nobody").isEqualTo(1);

		// a second run finds nothing more to erase
		retention.run();
		assertThat(jdbc.sql("select count(*) from platform.personal_data_erasure where requested_by = 'RETENTION' and erased_at = ?")
				.param(java.sql.Timestamp.from(clock.instant())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theJobIsScheduledAndRunsOnOneInstance() throws Exception {
		var run = PersonalDataRetention.class.getDeclaredMethod("run");
		assertThat(run.getAnnotation(Scheduled.class)).isNotNull();
		assertThat(run.getAnnotation(SchedulerLock.class).name()).isEqualTo("personal-data-retention");
	}

	private long knownIdentity(PersonalDataFixture person) {
		return jdbc.sql("select count(*) from platform.known_identity where username = ?").param(person.user().username())
				.query(Long.class).single();
	}

	private String contributionAuthor(PersonalDataFixture person) {
		return jdbc.sql("select author_email from intake.contribution where id = ?").param(person.contribution())
				.query(String.class).optional().orElse(null);
	}

	private String supportedBy(PersonalDataFixture person) {
		return jdbc.sql("select supported_by from voting.support where siren = ?").param(person.siren())
				.query(String.class).single();
	}

	private String contact(PersonalDataFixture person) {
		return jdbc.sql("select contact_email from referents.referent_territory where siren = ?").param(person.siren())
				.query(String.class).single();
	}

	private String conflictReason(PersonalDataFixture person) {
		return jdbc.sql("select reason from governance.conflict_of_interest where username = ?")
				.param(person.user().username()).query(String.class).single();
	}
}
