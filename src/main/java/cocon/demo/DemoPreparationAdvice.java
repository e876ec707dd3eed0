package cocon.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page, through the page shell, that the demonstration is being prepared (the site stays usable), and
 * that this instance has a demonstration, so that the shell can offer its administrator's page.
 */
@ControllerAdvice
@Profile("demo")
@ConditionalOnProperty(name = "cocon.demo.seed", havingValue = "true", matchIfMissing = true)
class DemoPreparationAdvice {

	private final DemoReplay replay;

	DemoPreparationAdvice(DemoReplay replay) {
		this.replay = replay;
	}

	@ModelAttribute("demoPreparing")
	boolean demoPreparing() {
		return replay.preparing();
	}

	/** The administrator's page of the demonstration, for the menus: {@code /admin/demonstration}. */
	@ModelAttribute("demoAdminPage")
	String demoAdminPage() {
		return DemonstrationPages.PAGE;
	}
}
