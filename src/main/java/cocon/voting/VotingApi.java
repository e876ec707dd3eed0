package cocon.voting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import cocon.shared.CampaignId;
import cocon.shared.ListPage;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;
import cocon.shared.web.RateLimited;
import cocon.voting.Standings.DailyCount;
import cocon.voting.Standings.ProposalCount;
import cocon.voting.Standings.Ranked;
import cocon.voting.Standings.SupportersPage;

/**
 * The voting API: supporting and withdrawing for the signed-in agent's collectivité, and the public counts,
 * supporters, ranking and supports over time.
 */
@RestController
@RequestMapping("/api")
class VotingApi {

	record SupportResponse(UUID proposalId, String siren, Instant supportedAt, boolean alreadySupported,
			String message) {
	}

	record SupportsOverTime(UUID campaignId, Instant opens, Instant closes, List<DailyCount> days) {
	}

	private final Supporting supporting;
	private final Standings standings;
	private final ListAnswers answers;
	private final Clock clock;

	VotingApi(Supporting supporting, Standings standings, ListAnswers answers, Clock clock) {
		this.supporting = supporting;
		this.standings = standings;
		this.answers = answers;
		this.clock = clock;
	}

	@PutMapping("/proposals/{id}/support")
	@RateLimited(RateLimited.SUPPORTS)
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<SupportResponse> support(@PathVariable UUID id, CurrentUser user) {
		var outcome = supporting.support(new ProposalId(id), user);
		var support = outcome.support();
		var body = new SupportResponse(id, support.getId().siren().value(), support.supportedAt(), !outcome.created(),
				outcome.created() ? "Le soutien de votre collectivité est enregistré."
						: "Votre collectivité soutient déjà cette proposition : rien n'a changé.");
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
	}

	@DeleteMapping("/proposals/{id}/support")
	@RateLimited(RateLimited.SUPPORTS)
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Void> withdraw(@PathVariable UUID id, CurrentUser user) {
		supporting.withdraw(new ProposalId(id), user);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Propositions publiées d'une campagne avec leur nombre de soutiens",
			description = "Triées par titre puis identifiant (ordre stable). Paginé : page à partir de 0, de 1 à 500 "
					+ "propositions par page (100 par défaut) ; le nombre total est dans l'en-tête X-Total-Count, les "
					+ "pages suivante et précédente dans l'en-tête Link.")
	@ApiResponse(responseCode = "200", description = "Une page des propositions",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					array = @ArraySchema(schema = @Schema(implementation = ProposalCount.class))))
	@GetMapping(path = "/campaigns/{id}/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> proposals(@PathVariable UUID id,
			@Parameter(description = "Numéro de page, à partir de 0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Propositions par page, de 1 à 500") @RequestParam(defaultValue = "100") int size) {
		return campaignPage(id, page, size, standings::proposals, "proposals");
	}

	@Operation(summary = "Classement des propositions d'une campagne, avec leurs répartitions",
			description = "Par nombre de soutiens décroissant puis titre (ordre stable ; les ex æquo partagent un rang). "
					+ "Paginé comme la liste des propositions : de 1 à 500 par page, 100 par défaut, en-têtes "
					+ "X-Total-Count et Link.")
	@ApiResponse(responseCode = "200", description = "Une page du classement",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					array = @ArraySchema(schema = @Schema(implementation = Ranked.class))))
	@GetMapping(path = "/campaigns/{id}/ranking", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> ranking(@PathVariable UUID id,
			@Parameter(description = "Numéro de page, à partir de 0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "Propositions par page, de 1 à 500") @RequestParam(defaultValue = "100") int size) {
		return campaignPage(id, page, size, standings::ranking, "ranking");
	}

	/**
	 * One page of a campaign's list (its proposals, its ranking), for the path {@code /api/campaigns/{id}/} followed
	 * by {@code list}: an empty list is a 404 only when voting does not know the campaign. Sent as the bytes and ETag
	 * made once per answer (ADR 0061), so that a conditional read is answered 304 before anything is written.
	 */
	private <T> ResponseEntity<byte[]> campaignPage(UUID id, int page, int size, Function<CampaignId, List<T>> read,
			String list) {
		if (!ListPage.valid(page, size)) {
			throw new Refusal.Invalid(ListPage.BOUNDS);
		}
		var campaign = new CampaignId(id);
		var answer = answers.page(list, campaign, page, size, "/api/campaigns/" + id + "/" + list, () -> {
			var items = read.apply(campaign);
			if (items.isEmpty() && !standings.knows(campaign)) {
				throw unknownCampaign(id);
			}
			return ListPage.of(items, page, size);
		});
		var response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ETAG, answer.etag())
				.header("X-Total-Count", Long.toString(answer.total()));
		if (answer.link() != null) {
			response.header(HttpHeaders.LINK, answer.link());
		}
		return response.body(answer.json());
	}

	@Operation(summary = "Collectivités qui soutiennent une proposition",
			description = "Par instant du soutien puis SIREN (ordre stable). Paginé : page à partir de 0, de 1 à 500 "
					+ "collectivités par page (50 par défaut).")
	@GetMapping("/proposals/{id}/supports")
	SupportersPage supporters(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0 || size < 1 || size > 500) {
			throw new Refusal.Invalid("La page commence à 0 et compte de 1 à 500 collectivités.");
		}
		var proposal = standings.proposal(new ProposalId(id))
				.orElseThrow(() -> new Refusal.NotFound("Aucune proposition publiée ne porte l'identifiant " + id + "."));
		return standings.supporters(new ProposalId(id), proposal.supportCount(), page, size);
	}

	@GetMapping("/campaigns/{id}/supports-over-time")
	SupportsOverTime overTime(@PathVariable UUID id) {
		var campaign = standings.campaign(new CampaignId(id)).orElseThrow(() -> unknownCampaign(id));
		return new SupportsOverTime(id, campaign.supports().opens(), campaign.supports().closes(),
				standings.overTime(new CampaignId(id), campaign.supports(), clock.instant()));
	}

	private static Refusal unknownCampaign(UUID id) {
		return new Refusal.NotFound("Aucune campagne ne porte l'identifiant " + id + ".");
	}
}
