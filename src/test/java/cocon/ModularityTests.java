package cocon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * The module structure: Spring Modulith's verification (no cycles, only allowed dependencies, only published
 * interfaces) and the generated documentation in {@code docs/architecture}, which must be current.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(CoconApplication.class);

	static final Path COMMITTED = Path.of("docs/architecture");

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	@Test
	void committedModuleDocumentationIsCurrent() throws IOException {
		var generated = Path.of("target/generated-architecture");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
				.writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.C4))
				.writeIndividualModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.C4))
				.writeModuleCanvases(CanvasOptions.defaults())
				.writeAggregatingDocument();

		var expected = contents(generated);
		var actual = contents(COMMITTED);
		if (!expected.equals(actual) && Boolean.getBoolean("cocon.docs.update")) {
			copy(generated, COMMITTED);
			actual = contents(COMMITTED);
		}
		assertThat(actual)
				.as("docs/architecture is out of date: run ./mvnw test -Dtest=ModularityTests -Dcocon.docs.update=true and commit it")
				.isEqualTo(expected);
	}

	private static Map<String, String> contents(Path folder) throws IOException {
		var result = new TreeMap<String, String>();
		if (!Files.isDirectory(folder)) {
			return result;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (var file : files.filter(Files::isRegularFile).toList()) {
				// Spring Modulith writes some relations and listeners in an order that depends on class loading:
				// compare the lines of each file, not their order (the first item of an AsciiDoc table cell carries
				// the cell's "|", whichever item comes first).
				var lines = Files.readString(file).replace("\r\n", "\n").lines()
						.map(line -> line.startsWith("|* ") ? line.substring(1) : line)
						.sorted().toList();
				result.put(folder.relativize(file).toString(), String.join("\n", lines));
			}
		}
		return result;
	}

	private static void copy(Path from, Path to) throws IOException {
		if (Files.isDirectory(to)) {
			try (Stream<Path> files = Files.walk(to)) {
				for (var file : files.filter(Files::isRegularFile).toList()) {
					Files.delete(file);
				}
			}
		}
		try (Stream<Path> files = Files.walk(from)) {
			for (var file : files.filter(Files::isRegularFile).toList()) {
				var target = to.resolve(from.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
			}
		}
	}
}
