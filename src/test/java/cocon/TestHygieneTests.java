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

	/** ADR 0056: the test JVMs run side by side; a port asked of the kernel may be taken by the other before use. */
	@ArchTest
	static final ArchRule testsTakeTheirPortsFromFreePorts = noClasses().that().resideOutsideOfPackage("cocon.benchmark..")
			.and().doNotHaveFullyQualifiedName("cocon.testing.FreePorts")
			.should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
					com.tngtech.archunit.base.DescribedPredicate.describe("of ServerSocket",
							target -> target.getOwner().isAssignableTo(java.net.ServerSocket.class))))
			.as("tests take the ports they bind from cocon.testing.FreePorts, never from new ServerSocket(0)");
}
