package cocon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each top-level module with migrations keeps its own Flyway history; the nested {@code events} modules and the modules
 * without tables have none.
 */
@SpringBootTest
class ModuleMigrationsTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void migratesEachTopLevelModuleAndNoNestedOne() {
		assertThat(jdbc.queryForList("select tablename from pg_tables where tablename like 'flyway\\_schema\\_history%'",
				String.class)).contains("flyway_schema_history", "flyway_schema_history_voting",
						"flyway_schema_history_curation", "flyway_schema_history_referent-territories")
				.noneMatch(table -> table.contains("."))
				.doesNotContain("flyway_schema_history_web", "flyway_schema_history_demo",
						"flyway_schema_history_opendata", "flyway_schema_history_integration",
						"flyway_schema_history_identity");
	}

	@Test
	void theMigrationDropsTheEmptyHistoryOfANestedModuleLeftByAnEarlierVersion() throws Exception {
		jdbc.execute("create table \"flyway_schema_history_voting.events\" (installed_rank int, type varchar(20))");
		jdbc.execute("create table \"flyway_schema_history_kept.events\" (installed_rank int, type varchar(20))");
		jdbc.update("insert into \"flyway_schema_history_kept.events\" values (1, 'SQL')");
		try {
			jdbc.execute(new ClassPathResource("db/migration/__root/V4_3__drop_history_tables_of_nested_modules.sql")
					.getContentAsString(StandardCharsets.UTF_8));

			assertThat(jdbc.queryForList("select tablename from pg_tables where tablename like 'flyway\\_schema\\_history\\_%.%'",
					String.class)).containsExactly("flyway_schema_history_kept.events");
		}
		finally {
			jdbc.execute("drop table if exists \"flyway_schema_history_voting.events\"");
			jdbc.execute("drop table if exists \"flyway_schema_history_kept.events\"");
		}
	}
}
