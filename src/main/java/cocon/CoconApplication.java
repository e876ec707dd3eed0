package cocon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.modulith.Modulithic;

/**
 * Cocon: the web service on which the State and local authorities co-construct public digital services.
 * <p>
 * Beans are named by their fully qualified class name: modules are free to name their internal types alike
 * ({@code Campaigns} in intake and in curation) without clashing.
 */
@SpringBootApplication(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@Modulithic(systemName = "Cocon", sharedModules = "shared")
public class CoconApplication {

	public static void main(String[] args) {
		SpringApplication.run(CoconApplication.class, args);
	}
}
