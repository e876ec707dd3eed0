package cocon.testing;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every wait of the suite looks at its condition at once, then at its poll interval (ADR 0070). Awaitility's own
 * default, for a wait with a fixed poll interval and no poll delay, is to wait one interval before the first look: 100
 * to 300 ms lost on each condition already true, and the suite waits in loops (a journey's twenty contributions each
 * wait for intake to know the campaign; the generated-input test waits for quiet after each of about 180 accepted
 * requests). A wait that must not look at once says so with its own {@code pollDelay}, which this default leaves.
 */
public class AwaitilityDefaults implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		Awaitility.setDefaultPollDelay(Duration.ZERO);
	}
}
