package cocon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * A test context left in the context cache must not close other tests' campaigns behind their back: voting's
 * scheduled close check is not scheduled unless a test asks for it (see {@link TestSchedulingDefaults}).
 */
@SpringBootTest
class TestSchedulingDefaultsTests {

	@Autowired
	ScheduledTaskHolder scheduler;

	@Test
	void doesNotScheduleTheCloseOfSupportWindowsInTestContexts() {
		assertThat(scheduler.getScheduledTasks())
				.noneMatch(task -> task.getTask().getRunnable().toString().contains("SupportsClosing"));
	}

	@Test
	void doesNotResubmitOtherContextsFailedPublicationsInTestContexts() {
		assertThat(scheduler.getScheduledTasks())
				.noneMatch(task -> task.getTask().getRunnable().toString().contains("EventResubmission"));
	}

	@Test
	void doesNotEraseOtherTestsDataForTheirRetentionPeriodsInTestContexts() {
		assertThat(scheduler.getScheduledTasks())
				.noneMatch(task -> task.getTask().getRunnable().toString().contains("PersonalDataRetention"));
	}
}
