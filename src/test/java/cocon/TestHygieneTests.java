package cocon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Tests wait for what they expect (Scenario, Awaitility) and move a clock; they never sleep. */
@AnalyzeClasses(packages = "cocon", importOptions = ImportOption.OnlyIncludeTests.class)
class TestHygieneTests {

	@ArchTest
	static final ArchRule testsNeverSleep = noClasses().should().callMethod(Thread.class, "sleep", long.class)
			.orShould().callMethod(Thread.class, "sleep", long.class, int.class)
			.as("tests never call Thread.sleep: use Scenario or Awaitility");
}
