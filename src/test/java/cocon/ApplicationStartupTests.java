package cocon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class ApplicationStartupTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void runsEveryMigrationAgainstARealPostgres() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'event_publication_archive'", Integer.class)).isEqualTo(1);
	}
}
