package cocon.platform.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages of the shell that belong to no module: home, the accessibility statement and the credits of the reference data. */
@Controller
class ShellController {

	record Step(String title, String description) {
	}

	private static final List<Step> STEPS = List.of(
			new Step("1. Contribuer", "Élus, agents et partenaires décrivent un besoin, un problème ou un secteur à numériser."),
			new Step("2. Soutenir", "Chaque collectivité soutient les propositions qu'elle juge prioritaires."),
			new Step("3. Co-construire", "Le comité retient des propositions ; des territoires référents co-construisent les services financés."));

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("steps", STEPS);
		return "platform/home";
	}

	@GetMapping("/accessibilite")
	String accessibility() {
		return "platform/accessibility";
	}

	@GetMapping("/donnees-de-reference")
	String referenceData() {
		return "platform/reference-data";
	}
}
