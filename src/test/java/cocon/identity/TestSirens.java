package cocon.identity;

import java.util.concurrent.ThreadLocalRandom;

import cocon.shared.Siren;

/** Fresh valid SIRENs, unknown to the directory, so that tests sharing the database do not meet. */
final class TestSirens {

	private TestSirens() {
	}

	static String fresh() {
		while (true) {
			// 9xx… : no collectivité of the directory has a SIREN starting with 9
			String prefix = "9" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
			for (int check = 0; check < 10; check++) {
				if (Siren.isValid(prefix + check)) {
					return prefix + check;
				}
			}
		}
	}
}
