package cocon.identity;

import java.util.ArrayList;
import java.util.List;
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

	/**
	 * What the person is told was erased outside their contributions, by kind of record (see each module's
	 * {@link cocon.shared.identity.PersonalData}), singular or plural by the count.
	 */
	private static final Map<String, String> ERASED_ELSEWHERE = Map.of(
			"contributions.mails", "{0,choice,1#1 courriel qui vous a été envoyé|1<{0,number,integer} courriels qui vous ont été envoyés} : adresse et contenu effacés",
			"account.identity", "{0,choice,1#1 identité notée|1<{0,number,integer} identités notées} à votre première connexion : effacée",
			"account.proConnectAccounts", "{0,choice,1#1 compte ProConnect relié|1<{0,number,integer} comptes ProConnect reliés} à votre identifiant (fournisseur d’identité, adresse) : effacé",
			"account.organisations", "{0,choice,1#1 organisation à vérifier|1<{0,number,integer} organisations à vérifier} dont vous étiez la première personne connectée : votre identifiant est retiré",
			"supports.supports", "{0,choice,1#1 soutien donné ou retiré|1<{0,number,integer} soutiens donnés ou retirés} au nom de votre collectivité : votre identifiant est retiré, le soutien reste le sien",
			"referentApplications.applications", "{0,choice,1#1 candidature de territoire référent déposée|1<{0,number,integer} candidatures de territoire référent déposées} : votre identifiant est retiré",
			"referentApplications.contacts", "{0,choice,1#1 candidature dont vous étiez le contact|1<{0,number,integer} candidatures dont vous étiez le contact} : votre nom et votre adresse sont retirés",
			"committee.conflictReasons", "{0,choice,1#1 motif de conflit d’intérêts effacé|1<{0,number,integer} motifs de conflit d’intérêts effacés} : la déclaration reste",
			"committee.maturityNotes", "{0,choice,1#1 note de maturité effacée|1<{0,number,integer} notes de maturité effacées} : le niveau reste");

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
		model.addAttribute("erasedElsewhere", erasedElsewhere(erased));
		return "identity/personal-data-erasure";
	}

	/** One line per kind of record erased; kinds a module may add later are named as is. */
	static List<String> erasedElsewhere(Map<String, Integer> erased) {
		var lines = new ArrayList<String>();
		erased.forEach((kind, count) -> {
			if (count > 0 && !kind.equals("contributions.contributions")) {
				var pattern = ERASED_ELSEWHERE.get(kind);
				lines.add(pattern == null ? count + " " + kind
						: new java.text.MessageFormat(pattern, java.util.Locale.FRANCE).format(new Object[] { count }));
			}
		});
		return lines;
	}
}
