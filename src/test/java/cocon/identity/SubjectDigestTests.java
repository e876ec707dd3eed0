package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Where the key of the erasure log's digest comes from (ADR 39), without starting Spring. */
class SubjectDigestTests {

	private static final String KEY = "une-cle-de-trente-deux-caracteres-au-moins";

	@Test
	void theDigestIsKeyedAndStable() {
		var digest = new SubjectDigest(KEY, "", new MockEnvironment());
		assertThat(digest.of("agent-216901231")).matches("[0-9a-f]{64}").isEqualTo(digest.of("agent-216901231"))
				.isNotEqualTo(new SubjectDigest(KEY + "-autre", "", new MockEnvironment()).of("agent-216901231"));
	}

	@Test
	void anInstanceOnAConfiguredDatabaseRefusesToStartWithoutAKeyOrWithAShortOne() {
		assertThatThrownBy(() -> new SubjectDigest("", "", new MockEnvironment()))
				.hasMessageContaining("COCON_PERSONAL_DATA_KEY manque");
		assertThatThrownBy(() -> new SubjectDigest("courte", "", new MockEnvironment()))
				.hasMessageContaining("trop courte");
	}

	@Test
	void theEmbeddedDefaultGeneratesItsKeyOnceInTheDataFolder(@TempDir Path data) throws Exception {
		var environment = new MockEnvironment();
		environment.setActiveProfiles("embedded", "demo");
		var postgres = data.resolve("postgres").toString();

		var first = new SubjectDigest("", postgres, environment).of("admin");
		var file = data.resolve(SubjectDigest.KEY_FILE);
		assertThat(file).exists();
		assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(SubjectDigest.SHORTEST_KEY);
		assertThat(new SubjectDigest("", postgres, environment).of("admin")).as("after a restart").isEqualTo(first);
	}

	@Test
	void theDemoOnAConfiguredDatabaseUsesAKeyOfTheProcess() {
		var environment = new MockEnvironment();
		environment.setActiveProfiles("demo");
		assertThat(new SubjectDigest("", "", environment).of("admin")).matches("[0-9a-f]{64}");
	}
}
