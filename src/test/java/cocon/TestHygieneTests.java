package cocon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Tests wait for what they expect (Scenario, Awaitility) and move a clock; they never sleep. The load tools of
 * {@code src/bench} (package {@code cocon.benchmark}) are no tests: they pace their sampling on the wall clock.
 */
@AnalyzeClasses(packages = "cocon", importOptions = ImportOption.OnlyIncludeTests.class)
class TestHygieneTests {

	@ArchTest
	static final ArchRule testsNeverSleep = noClasses().that().resideOutsideOfPackage("cocon.benchmark..").should().callMethod(Thread.class, "sleep", long.class)
			.orShould().callMethod(Thread.class, "sleep", long.class, int.class)
			.as("tests never call Thread.sleep: use Scenario or Awaitility");
}
