package cocon.testing;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every wait of the suite looks at its condition at once, then at its poll interval. Awaitility's own default, for a
 * wait given a fixed poll interval and no poll delay, is to wait one interval before the first look: 200 ms lost on
 * every condition already true, and the suite has thousands of them (a journey's twenty contributions each wait for
 * intake to know the campaign; the generated-input test waits for quiet after each accepted request). A wait that
 * must not look at once says so with its own {@code pollDelay}, which this default does not change.
 */
public class AwaitilityDefaults implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		Awaitility.setDefaultPollDelay(Duration.ZERO);
	}
}
