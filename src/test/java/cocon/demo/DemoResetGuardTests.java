package cocon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.objenesis.ObjenesisStd;

import cocon.shared.Refusal;

/**
 * The demonstration's reset never empties a database where real people signed in (ADR 0034): the guard stands in
 * front of the replay whatever the replay's own state, so the replay is made here without its dependencies.
 */
class DemoResetGuardTests {

	private final DemoReplay replay = new ObjenesisStd().newInstance(DemoReplay.class);

	@Test
	void refusesTheResetOnADatabaseThatSawAProConnectSignIn() {
		var guarded = DemoConfiguration.guarded(replay, () -> true);
		assertThatThrownBy(() -> guarded.reset(Moment.SUPPORTS)).isInstanceOf(Refusal.Conflict.class)
				.hasMessageContaining("ProConnect").hasMessageContaining("Rien n'a été effacé");
		assertThat(guarded.prepareIfNeeded()).as("no replay, and no erasure, at start-up either").isFalse();
	}

	@Test
	void letsTheResetRunOnADemonstrationDatabase() {
		var guarded = DemoConfiguration.guarded(replay, () -> false);
		// the replay itself answers: without the replay clock (no demo seed here) it prepares nothing
		assertThat(guarded.reset(Moment.SUPPORTS)).isFalse();
	}
}
