package cocon.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from the binaries of a Maven dependency, for the default run without any
 * configured database (ADR 0003). Its data directory survives restarts, so what was entered is kept. It is durable
 * (ADR 0009): zonky's builder is made for tests and starts the server with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}, so that a power cut could lose acknowledged supports or corrupt the cluster; the
 * settings below come after those on the server's command line and win. A server left running by a killed JVM is
 * stopped before a new one starts ({@link LeftoverPostmaster}).
 */
@Configuration(proxyBeanMethods = false)
@Profile(EmbeddedDefaultEnvironmentPostProcessor.EMBEDDED)
class EmbeddedPostgresConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	/** Closed after the server (which depends on it), so that it finds the training run's cluster stopped. */
	@Bean(destroyMethod = "close")
	TrainedTemplate trainedTemplate(@Value("${cocon.cds.training:false}") boolean training,
			@Value("${cocon.embedded-postgres.data-directory}") String dataDirectory,
			@Value("${cocon.embedded-postgres.template:}") String template, ObjectProvider<JdbcClient> jdbc) {
		return new TrainedTemplate(training, dataDirectory, template, () -> jdbc.getObject()
				.sql("select not exists (select from event_publication) and not exists (select from event_publication_archive)")
				.query(Boolean.class).single());
	}

	@Bean(destroyMethod = "close")
	@DependsOn("trainedTemplate")
	EmbeddedPostgres embeddedPostgres(@Value("${cocon.embedded-postgres.data-directory}") String dataDirectory,
			@Value("${cocon.embedded-postgres.port:0}") int port,
			@Value("${cocon.embedded-postgres.template:}") String template) throws IOException {

		var postgres = EarlyPostgres.take(dataDirectory, port, template);
		LOG.info("PostgreSQL embarqué démarré sur le port {} (fsync et synchronous_commit actifs)", postgres.getPort());
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
