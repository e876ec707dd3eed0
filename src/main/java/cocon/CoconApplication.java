package cocon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Cocon: the web service on which the State and local authorities co-construct public digital services.
 */
@SpringBootApplication
@Modulithic(systemName = "Cocon", sharedModules = "shared")
public class CoconApplication {

	public static void main(String[] args) {
		SpringApplication.run(CoconApplication.class, args);
	}
}
