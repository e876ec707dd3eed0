package cocon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * The description of the modules written into the jar (ADR 0054) names every module that keeps migrations: Spring
 * Modulith's runtime reads it instead of importing the classpath, and its module-aware Flyway migrates the modules it
 * names, no other.
 */
class ModuleMetadataFileTests {

	@Test
	void namesEveryModuleThatKeepsMigrations(@TempDir Path classes) throws Exception {
		var file = ModuleMetadataFile.write(classes);

		assertThat(classes.relativize(file)).hasToString("META-INF/spring-modulith/application-modules.json");
		var described = new ArrayList<String>();
		JsonMapper.builder().build().readTree(Files.readString(file)).propertyNames().forEach(described::add);
		var withMigrations = Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/*.sql"))
				.map(sql -> {
					try {
						return Path.of(sql.getURI()).getParent().getFileName().toString();
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				})
				.filter(module -> !module.equals("__root"))
				.distinct()
				.toList();
		assertThat(withMigrations).contains("platform", "voting", "referent-territories");
		assertThat(described).containsAll(withMigrations).contains("voting.events");
	}
}
