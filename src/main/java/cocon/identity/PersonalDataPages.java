package cocon.identity;

import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;

/**
 * « Données personnelles » (RGPD): the public page that says what is kept, why, how long and who sees it; and, for
 * the signed-in person, the download of their data (page and API) and the erasure of their personal data, after a
 * confirmation (a page that asks, or {@code "confirm": true} in the API).
 */
@Controller
class PersonalDataPages {

	private final PersonalDataRights rights;

	PersonalDataPages(PersonalDataRights rights) {
		this.rights = rights;
	}

	@GetMapping("/donnees-personnelles")
	String policy() {
		return "identity/personal-data";
	}

	// a download: JSON whatever the browser says it accepts (a link followed from a page asks for text/html)
	@GetMapping(path = { "/api/me/data", "/mes-donnees/telechargement" })
	@ResponseBody
	ResponseEntity<Map<String, Object>> download(CurrentUser user) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("mes-donnees-cocon.json").build().toString())
				.body(rights.export(user));
	}

	record ErasureRequest(Boolean confirm) {
	}

	@PostMapping(path = "/api/me/data/erasure", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> eraseByApi(@RequestBody ErasureRequest request, CurrentUser user) {
		if (request == null || !Boolean.TRUE.equals(request.confirm())) {
			throw new Refusal.Invalid("Confirmez l'effacement avec « \"confirm\": true » : il est définitif.");
		}
		return Map.of("erased", rights.erase(user));
	}

	@GetMapping("/mes-donnees/effacement")
	String confirmation(CurrentUser user, Model model) {
		model.addAttribute("user", user);
		return "identity/personal-data-erasure";
	}

	@PostMapping("/mes-donnees/effacement")
	String erase(@RequestParam(required = false) String confirmation, CurrentUser user, Model model) {
		model.addAttribute("user", user);
		if (!"oui".equals(confirmation)) {
			model.addAttribute("confirmationError", "Cochez la case pour confirmer : l'effacement est définitif.");
			return "identity/personal-data-erasure";
		}
		var erased = rights.erase(user);
		model.addAttribute("erasedContributions", erased.getOrDefault("contributions.contributions", 0));
		return "identity/personal-data-erasure";
	}
}
