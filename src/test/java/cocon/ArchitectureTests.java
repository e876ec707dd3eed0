package cocon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jmolecules.archunit.JMoleculesDddRules;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import cocon.shared.FrenchDates;
import cocon.shared.Timestamps;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Our own architecture rules, on top of Spring Modulith's verification: they speak of packages and
 * annotations, never of class names.
 */
@AnalyzeClasses(packages = "cocon", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/** The business modules, by package under {@code cocon}: they reach each other only through published events. */
	static final List<String> BUSINESS_MODULES = List.of("intake", "curation", "voting", "governance", "referents", "deployment",
			"directory", "notifications");

	/**
	 * The technical modules: they depend on each other only as their {@code allowedDependencies} say (checked by
	 * Spring Modulith), and on a business module only through its events, as the business modules do.
	 */
	static final List<String> TECHNICAL_MODULES = List.of("identity", "web", "opendata", "demo", "integration",
			"platform");

	/** Every module of the application. */
	static final List<String> MODULES = java.util.stream.Stream.concat(BUSINESS_MODULES.stream(),
			TECHNICAL_MODULES.stream()).toList();

	@ArchTest
	static final ArchRule businessModulesAreReachedOnlyThroughEvents = classes().that().resideInAPackage("cocon..")
			.should(new ArchCondition<JavaClass>("refer to other modules only through their events package") {
				@Override
				public void check(JavaClass origin, ConditionEvents events) {
					var from = moduleOf(origin);
					if (from == null) {
						return;
					}
					for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
						var target = dependency.getTargetClass();
						var to = moduleOf(target);
						if (to != null && !to.equals(from)
								&& !(TECHNICAL_MODULES.contains(from) && TECHNICAL_MODULES.contains(to))
								&& !target.getPackageName().startsWith("cocon." + to + ".events")) {
							events.add(SimpleConditionEvent.violated(dependency, "module '" + from + "' reaches into module '"
									+ to + "' outside its events package: " + dependency.getDescription()));
						}
					}
				}
			});

	@ArchTest
	static final ArchRule eventsAreRecords = classes().that().resideInAPackage("cocon.*.events")
			.and().areTopLevelClasses()
			.and().doNotHaveSimpleName("package-info")
			.and().areNotAnnotatedWith(org.jmolecules.ddd.annotation.ValueObject.class)
			.and().areNotInterfaces()
			.should().beRecords()
			.andShould().beAssignableTo(org.jmolecules.event.types.DomainEvent.class)
			.as("events are immutable records implementing jMolecules DomainEvent");

	/**
	 * What several events have in common (the campaign events, ADR 18) may be named by a sealed interface, which only
	 * those events' records implement: a listener may then take either.
	 */
	@ArchTest
	static final ArchRule eventSupertypesAreSealedEvents = classes().that().resideInAPackage("cocon.*.events")
			.and().areInterfaces()
			.and().doNotHaveSimpleName("package-info")
			.should(new ArchCondition<JavaClass>("be sealed") {
				@Override
				public void check(JavaClass type, ConditionEvents events) {
					if (!type.reflect().isSealed()) {
						events.add(SimpleConditionEvent.violated(type, type.getName() + " is not sealed"));
					}
				}
			})
			.andShould().beAssignableTo(org.jmolecules.event.types.DomainEvent.class)
			.allowEmptyShould(true)
			.as("an interface in an events package is a sealed supertype of events");

	/** A value several events carry (the campaign snapshot, ADR 18) is a record too, and no event. */
	@ArchTest
	static final ArchRule valuesOfEventsAreRecords = classes().that().resideInAPackage("cocon.*.events")
			.and().areAnnotatedWith(org.jmolecules.ddd.annotation.ValueObject.class)
			.should().beRecords()
			.andShould().notBeAssignableTo(org.jmolecules.event.types.DomainEvent.class)
			.allowEmptyShould(true)
			.as("values carried by several events are immutable records");

	@ArchTest
	static final ArchRule eventsCarryNoEntity = noClasses().that().resideInAPackage("cocon.*.events..")
			.should().dependOnClassesThat().areAssignableTo(org.jmolecules.ddd.types.Entity.class)
			.orShould().dependOnClassesThat().areAssignableTo(org.jmolecules.ddd.types.AggregateRoot.class)
			.as("events carry identifiers and plain values, never an entity");

	@ArchTest
	static final ArchRule eventsDependOnlyOnTheSharedKernel = classes().that().resideInAPackage("cocon.*.events..")
			.should().onlyDependOnClassesThat().resideOutsideOfPackage("cocon..")
			.orShould().onlyDependOnClassesThat(DescribedPredicate.describe("the shared kernel or events",
					(JavaClass type) -> !type.getPackageName().startsWith("cocon.")
							|| type.getPackageName().startsWith("cocon.shared")
							|| type.getPackageName().matches("cocon\\.[a-z]+\\.events.*")))
			.as("events depend only on the shared kernel");

	@ArchTest
	static final ArchRule controllersLiveInsideAModule = classes().that().areAnnotatedWith(Controller.class)
			.or().areAnnotatedWith(RestController.class)
			.should().resideInAnyPackage(MODULES.stream().map(module -> "cocon." + module + "..").toArray(String[]::new))
			.andShould().resideOutsideOfPackages("cocon.*.events..", "cocon.shared..")
			.as("web controllers live inside the module that owns the use case");

	@ArchTest
	static final ArchRule repositoriesStayInsideTheirModule = classes()
			.that().areAssignableTo(org.springframework.data.repository.Repository.class)
			.should().notBePublic()
			.andShould().resideOutsideOfPackages("cocon.*.events..", "cocon.shared..")
			.allowEmptyShould(true)
			.as("repositories are package-private, inside their module");

	@ArchTest
	static final ArchRule sharedKernelDependsOnNoModule = noClasses().that().resideInAPackage("cocon.shared..")
			.should().dependOnClassesThat().resideInAnyPackage(MODULES.stream().map(module -> "cocon." + module + "..")
					.toArray(String[]::new))
			.as("the shared kernel depends on no module");

	@ArchTest
	static final ArchRule timestampsConvertInOnePlace = noClasses().that().doNotBelongToAnyOf(Timestamps.class)
			.should().dependOnClassesThat().areAssignableTo(java.sql.Timestamp.class)
			.as("instants meet timestamptz columns through cocon.shared.Timestamps only, never java.sql.Timestamp");

	/**
	 * One date style (issue 25, point 7): every date or time a person reads is written by cocon.shared.FrenchDates
	 * (templates through its {@code @dates} bean). ISO constants (open data, JSON, form fields) are no pattern and stay
	 * allowed.
	 */
	@ArchTest
	static final ArchRule datesAreWrittenInOnePlace = noClasses().that().doNotBelongToAnyOf(FrenchDates.class)
			.should().callMethod(DateTimeFormatter.class, "ofPattern", String.class)
			.orShould().callMethod(DateTimeFormatter.class, "ofPattern", String.class, Locale.class)
			.as("dates and times are written by cocon.shared.FrenchDates only, never by a DateTimeFormatter pattern");

	/** The same rule for the templates, which ArchUnit does not read. */
	@ArchTest
	static void templatesWriteDatesThroughTheHelper(JavaClasses classes) throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			var offenders = files.filter(f -> f.toString().endsWith(".html")).filter(f -> {
				try {
					var html = Files.readString(f);
					return html.contains("#temporals.format(") || html.contains("ofPattern(");
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}).toList();
			assertThat(offenders).as("templates formatting dates with their own pattern instead of @dates").isEmpty();
		}
	}

	/** A class that receives other modules' events translates them into calls; the SQL is in a repository. */
	@ArchTest
	static final ArchRule listenersHoldNoSql = noClasses().that(receiveModuleEvents())
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
			.as("a class with @ApplicationModuleListener methods holds no SQL (it calls a repository or a service)");

	/** Controllers are the web's: nothing else (aggregates, services, events, repositories) depends on one. */
	@ArchTest
	static final ArchRule onlyTheWebDependsOnControllers = noClasses()
			.that().areNotAnnotatedWith(Controller.class).and().areNotAnnotatedWith(RestController.class)
			.and().areNotAnnotatedWith(org.springframework.web.bind.annotation.ControllerAdvice.class)
			.and().areNotAnnotatedWith(org.springframework.web.bind.annotation.RestControllerAdvice.class)
			.and().areNotNestedClasses()
			.should().dependOnClassesThat().areAnnotatedWith(Controller.class)
			.orShould().dependOnClassesThat().areAnnotatedWith(RestController.class)
			.as("no domain class, service or repository depends on a controller");

	@ArchTest
	static final ArchRule dddRules = JMoleculesDddRules.all();

	private static DescribedPredicate<JavaClass> receiveModuleEvents() {
		return DescribedPredicate.describe("receive module events", type -> type.getMethods().stream()
				.anyMatch(method -> method.isAnnotatedWith(ApplicationModuleListener.class)));
	}

	/** The module a class belongs to (its first package segment under {@code cocon}), or null outside modules. */
	private static String moduleOf(JavaClass type) {
		var name = type.getPackageName();
		if (!name.startsWith("cocon.")) {
			return null;
		}
		var module = name.substring("cocon.".length()).split("\\.")[0];
		return MODULES.contains(module) ? module : null;
	}

}
