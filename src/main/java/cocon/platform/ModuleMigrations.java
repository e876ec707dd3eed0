package cocon.platform;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.modulith.core.ApplicationModuleIdentifier;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;

/**
 * Spring Modulith's module-aware Flyway ({@code spring.modulith.runtime.flyway-enabled}) runs one Flyway per
 * application module, with its own history table {@code flyway_schema_history_<module>}. It counts the nested
 * modules too: the {@code events} package of each module (the published language, declared as a nested open module
 * so that other modules may depend on it alone) would get an empty {@code flyway_schema_history_voting.events}
 * table. The module identifiers given to the migrations are therefore the top-level modules only (and
 * {@code __root}, added by Spring Modulith itself); Spring Modulith's own strategy, with its filtering of the modules
 * a module test bootstraps, stays. The tables already created are dropped by {@code __root/V4_3}.
 * <p>
 * In Spring Modulith 2.0.3, the {@link ApplicationModuleIdentifiers} bean is read by the Flyway support only.
 * <p>
 * Its migration strategy is wrapped by {@link MigrationFingerprint}: on a database where nothing Flyway looks at
 * changed since its last successful run, the ten Flyway runs are left out of the start (ADR 0068 addendum).
 */
@Configuration(proxyBeanMethods = false)
class ModuleMigrations {

	@Bean
	static BeanPostProcessor topLevelModulesOnlyForMigrations() {
		var migrated = new AtomicReference<ApplicationModuleIdentifiers>();
		var fingerprint = new MigrationFingerprint(MigrationFingerprint.RESOURCES);
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof ApplicationModuleIdentifiers identifiers) {
					migrated.set(topLevel(identifiers));
					return migrated.get();
				}
				// the modules a module test bootstraps are in the identifiers: they are part of the fingerprint
				if (bean instanceof FlywayMigrationStrategy strategy) {
					return fingerprint.skippingWhenUnchanged(strategy, () -> String.valueOf(
							migrated.get() == null ? null : migrated.get().stream().map(Object::toString).toList()));
				}
				return bean;
			}
		};
	}

	/**
	 * The identifiers without those of nested modules ({@code voting.events} is nested in {@code voting}), nor those of
	 * the modules that keep no table (the technical modules web, demo, …): Flyway would warn « No migrations found » for
	 * each at every start and create an empty history table.
	 */
	static ApplicationModuleIdentifiers topLevel(ApplicationModuleIdentifiers identifiers) {
		List<String> all = identifiers.stream().map(ApplicationModuleIdentifier::toString).toList();
		return ApplicationModuleIdentifiers.of(identifiers.stream()
				.filter(id -> all.stream().noneMatch(parent -> id.toString().startsWith(parent + ".")))
				.filter(id -> hasMigrations(id.toString()))
				.toList());
	}

	private static boolean hasMigrations(String module) {
		try {
			return new PathMatchingResourcePatternResolver()
					.getResources("classpath*:db/migration/" + module + "/*.sql").length > 0;
		}
		catch (IOException unreadable) {
			return true;
		}
	}
}
