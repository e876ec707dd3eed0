package cocon.governance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Entity;
import org.jmolecules.ddd.annotation.Service;
import org.jmolecules.ddd.annotation.ValueObject;
import org.jmolecules.ddd.types.Identifier;
import org.jmolecules.event.types.DomainEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Governance's model stays free of the web (issue 19): its aggregates, entities, identifiers, value objects, domain
 * services and events, with the types nested in them, depend on no controller and no web or page type. Told apart
 * by jMolecules types and annotations, and by packages, never by class names.
 */
@AnalyzeClasses(packages = "cocon.governance", importOptions = ImportOption.DoNotIncludeTests.class)
class GovernanceArchitectureTests {

	/** A type of the model: a jMolecules building block, or a type nested in one. */
	static final DescribedPredicate<JavaClass> DOMAIN_TYPES = DescribedPredicate.describe(
			"governance's domain types (jMolecules building blocks and the types nested in them)",
			GovernanceArchitectureTests::isDomainType);

	/** A type of the web: a controller, or a type of the servlet, Spring MVC, model-and-view or template APIs. */
	static final DescribedPredicate<JavaClass> WEB_TYPES = DescribedPredicate.describe(
			"controllers and web types (servlet, Spring MVC, page models, templates)",
			(JavaClass type) -> type.isAnnotatedWith(Controller.class) || type.isAnnotatedWith(RestController.class)
					|| type.isAnnotatedWith(ControllerAdvice.class)
					|| type.getPackageName().startsWith("org.springframework.web")
					|| type.getPackageName().startsWith("org.springframework.ui")
					|| type.getPackageName().startsWith("jakarta.servlet")
					|| type.getPackageName().startsWith("org.thymeleaf"));

	@ArchTest
	static final ArchRule theModelDependsOnNoControllerNorWebType = noClasses().that(DOMAIN_TYPES)
			.should().dependOnClassesThat(WEB_TYPES)
			.as("governance's domain types depend on no controller nor web type (formats live in the model's side)");

	private static boolean isDomainType(JavaClass type) {
		if (type.isAssignableTo(org.jmolecules.ddd.types.AggregateRoot.class)
				|| type.isAssignableTo(org.jmolecules.ddd.types.Entity.class) || type.isAssignableTo(Identifier.class)
				|| type.isAssignableTo(org.jmolecules.ddd.types.ValueObject.class) || type.isAssignableTo(DomainEvent.class)
				|| type.isAnnotatedWith(AggregateRoot.class) || type.isAnnotatedWith(Entity.class)
				|| type.isAnnotatedWith(ValueObject.class) || type.isAnnotatedWith(Service.class)) {
			return true;
		}
		return type.getEnclosingClass().map(GovernanceArchitectureTests::isDomainType).orElse(false);
	}
}
