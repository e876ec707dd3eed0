package cocon.demo;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import cocon.shared.web.PageModel;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells every page, through the page shell, that the demonstration is being prepared (the site stays usable), and
 * that this instance has a demonstration, so that the shell can offer its administrator's page (pages only, ADR 0062).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "cocon.demo.seed", havingValue = "true", matchIfMissing = true)
class DemoPreparationModel implements PageModel {

	private final DemoReplay replay;

	DemoPreparationModel(DemoReplay replay) {
		this.replay = replay;
	}

	/** Whether it is being prepared, and the administrator's page of the demonstration for the menus. */
	@Override
	public void addTo(Map<String, Object> model, HttpServletRequest request) {
		model.put("demoPreparing", replay.preparing());
		model.put("demoAdminPage", DemonstrationPages.PAGE);
	}
}
