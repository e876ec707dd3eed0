package cocon.directory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cocon.directory.CollectiviteViews.Detail;
import cocon.directory.CollectiviteViews.ResultPage;
import cocon.directory.CollectiviteViews.Summary;
import cocon.shared.CollectiviteKind;
import cocon.shared.Refusal;
import cocon.shared.Siren;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public API of the collectivités directory. */
@RestController
@RequestMapping("/api/collectivites")
@Tag(name = "Annuaire des collectivités", description = "Communes, EPCI, départements, régions et collectivités à statut particulier (données ouvertes du découpage administratif)")
class DirectoryApi {

	static final int MAX_SIZE = 100;
	static final int MAX_QUERY_LENGTH = 100;

	private final DirectoryQueries queries;

	DirectoryApi(DirectoryQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	@Operation(summary = "Recherche des collectivités",
			description = "Par nom (accents, casse, tirets et apostrophes ignorés), code INSEE ou SIREN. Les noms exacts viennent d'abord, puis par population décroissante.")
	@ApiResponse(responseCode = "200", description = "Une page de résultats")
	@ApiResponse(responseCode = "400", description = "Paramètre invalide (problem detail)")
	ResultPage<Summary> search(
			@Parameter(description = "Texte recherché : nom, code INSEE ou SIREN", example = "saint etienne") @RequestParam(required = false) String q,
			@Parameter(description = "Nature de collectivité") @RequestParam(required = false) CollectiviteKind kind,
			@Parameter(description = "Numéro de page, à partir de 0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Taille de page (100 au plus)") @RequestParam(defaultValue = "20") int size) {
		return queries.search(checkedQuery(q), kind, checkedPage(page), checkedSize(size));
	}

	@GetMapping("/{siren}")
	@Operation(summary = "Une collectivité par son SIREN",
			description = "Pour un EPCI, ses communes membres ; pour une commune, son EPCI.")
	@ApiResponse(responseCode = "200", description = "La collectivité")
	@ApiResponse(responseCode = "400", description = "SIREN mal formé (problem detail qui dit pourquoi)")
	@ApiResponse(responseCode = "404", description = "SIREN inconnu de l'annuaire (problem detail)")
	Detail find(@Parameter(description = "SIREN à 9 chiffres", example = "216901231") @PathVariable String siren) {
		var valid = parse(siren);
		return queries.detail(valid).orElseThrow(() -> new Refusal.NotFound(
				"Aucune collectivité de l'annuaire n'a le SIREN " + valid + "."));
	}

	static Siren parse(String siren) {
		try {
			return Siren.of(siren);
		}
		catch (IllegalArgumentException e) {
			throw new Refusal.Invalid(e.getMessage());
		}
	}

	static String checkedQuery(String q) {
		if (q != null && q.length() > MAX_QUERY_LENGTH) {
			throw new Refusal.Invalid("Le texte recherché ne peut dépasser " + MAX_QUERY_LENGTH + " caractères.");
		}
		return q;
	}

	static int checkedPage(int page) {
		if (page < 0) {
			throw new Refusal.Invalid("Le numéro de page commence à 0.");
		}
		return page;
	}

	/** A size out of 1 to the maximum is refused, as every list of the API does (issue 22). */
	static int checkedSize(int size) {
		if (size < 1 || size > MAX_SIZE) {
			throw new Refusal.Invalid("La taille de page doit être comprise entre 1 et " + MAX_SIZE + ".");
		}
		return size;
	}
}
