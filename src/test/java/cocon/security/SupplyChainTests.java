package cocon.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * Issue 20, finding 13: what the build takes from outside is checked or listed. The Maven wrapper refuses a
 * distribution whose SHA-256 differs from the one written here; the packaging writes a CycloneDX bill of materials;
 * the front-end packages install without running their install scripts.
 */
class SupplyChainTests {

	@Test
	void theWrapperChecksTheSha256OfTheMavenItDownloads() throws Exception {
		var wrapper = new Properties();
		try (var in = Files.newInputStream(Path.of(".mvn/wrapper/maven-wrapper.properties"))) {
			wrapper.load(in);
		}
		assertThat(wrapper.getProperty("distributionUrl")).startsWith("https://repo.maven.apache.org/");
		assertThat(wrapper.getProperty("distributionSha256Sum")).as("distributionSha256Sum").matches("[0-9a-f]{64}");
	}

	@Test
	void thePackagingWritesACycloneDxBillOfMaterialsAndNpmRunsNoInstallScript() throws Exception {
		var pom = Files.readString(Path.of("pom.xml"));
		var cyclonedx = pom.substring(pom.indexOf("<artifactId>cyclonedx-maven-plugin</artifactId>"));
		cyclonedx = cyclonedx.substring(0, cyclonedx.indexOf("</plugin>"));
		assertThat(cyclonedx).contains("<phase>package</phase>").contains("<goal>makeAggregateBom</goal>");
		var npmCi = pom.substring(pom.indexOf("<id>npm-ci</id>"));
		npmCi = npmCi.substring(0, npmCi.indexOf("</execution>"));
		assertThat(npmCi).contains("<argument>ci</argument>").contains("<argument>--ignore-scripts</argument>");
	}
}
