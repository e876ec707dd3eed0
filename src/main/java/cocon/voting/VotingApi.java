package cocon.voting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
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
	private final Clock clock;

	VotingApi(Supporting supporting, Standings standings, Clock clock) {
		this.supporting = supporting;
		this.standings = standings;
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

	@GetMapping("/campaigns/{id}/proposals")
	List<ProposalCount> proposals(@PathVariable UUID id) {
		var proposals = standings.proposals(new CampaignId(id));
		if (proposals.isEmpty() && !standings.knows(new CampaignId(id))) {
			throw unknownCampaign(id);
		}
		return proposals;
	}

	@GetMapping("/campaigns/{id}/ranking")
	List<Ranked> ranking(@PathVariable UUID id) {
		var ranking = standings.ranking(new CampaignId(id));
		if (ranking.isEmpty() && !standings.knows(new CampaignId(id))) {
			throw unknownCampaign(id);
		}
		return ranking;
	}

	@GetMapping("/proposals/{id}/supports")
	SupportersPage supporters(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0 || size < 1 || size > 500) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"La page commence à 0 et compte de 1 à 500 collectivités.");
		}
		var proposal = standings.proposal(new ProposalId(id))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
						"Aucune proposition publiée ne porte l'identifiant " + id + "."));
		return standings.supporters(new ProposalId(id), proposal.supportCount(), page, size);
	}

	@GetMapping("/campaigns/{id}/supports-over-time")
	SupportsOverTime overTime(@PathVariable UUID id) {
		var campaign = standings.campaign(new CampaignId(id)).orElseThrow(() -> unknownCampaign(id));
		return new SupportsOverTime(id, campaign.supports().opens(), campaign.supports().closes(),
				standings.overTime(new CampaignId(id), campaign.supports(), clock.instant()));
	}

	@ExceptionHandler(SupportRefused.class)
	ProblemDetail refused(SupportRefused refused) {
		var problem = ProblemDetail.forStatusAndDetail(refused.reason().status(), refused.getMessage());
		problem.setTitle(refused.reason().title());
		problem.setProperty("reason", refused.reason().name());
		return problem;
	}

	private static ResponseStatusException unknownCampaign(UUID id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune campagne ne porte l'identifiant " + id + ".");
	}
}
