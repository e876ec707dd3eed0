package cocon.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.util.ApplicationModulesExporter;

/**
 * Writes, at build time ({@code prepare-package}, pom.xml), the description of the application modules that Spring
 * Modulith's runtime reads from {@value ApplicationModulesExporter#DEFAULT_LOCATION} instead of importing the whole
 * classpath with ArchUnit at start-up (issue 26, ADR 0054). Without the file, the module-aware Flyway waits for that
 * import before the first migration: about 4.7 s of a cold start on 2 cores, for a list of module names known when
 * the jar is built. The content is the one Spring Modulith's own AOT processing writes ({@code toJson()} of the
 * modules of the application class), so that the {@code modulith} actuator endpoint answers the same.
 * <p>
 * Not part of the running application: {@code java -cp … cocon.platform.ModuleMetadataFile <classes folder>}.
 */
public final class ModuleMetadataFile {

	static final String APPLICATION_CLASS = "cocon.CoconApplication";

	private ModuleMetadataFile() {
	}

	public static void main(String[] args) throws IOException, ClassNotFoundException {
		if (args.length != 1) {
			throw new IllegalArgumentException("Usage : ModuleMetadataFile <dossier des classes>");
		}
		var file = write(Path.of(args[0]));
		System.out.println("Description des modules écrite dans " + file);
	}

	/** Writes the file under the given classes folder and returns its path. */
	public static Path write(Path classes) throws IOException, ClassNotFoundException {
		var modules = ApplicationModules.of(Class.forName(APPLICATION_CLASS));
		var file = classes.resolve(ApplicationModulesExporter.DEFAULT_LOCATION);
		Files.createDirectories(file.getParent());
		Files.writeString(file, new ApplicationModulesExporter(modules).toJson(), StandardCharsets.UTF_8);
		return file;
	}
}
