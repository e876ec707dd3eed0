package cocon.curation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;

/** The curators' API: triage, proposals, publication. CURATOR only. */
@RestController
@PreAuthorize("hasRole('CURATOR')")
class CurationApi {

	record NewProposal(@NotBlank(message = "Le titre est obligatoire.") @Size(max = 200, message = "200 caractères au plus.") String title,
			@NotBlank(message = "Le résumé est obligatoire.") @Size(max = 5000, message = "5 000 caractères au plus.") String summary,
			@NotBlank(message = "Le thème est obligatoire.") String theme,
			@NotNull(message = "La liste des contributions est obligatoire (elle peut être vide).") List<@NotNull UUID> contributionIds) {
	}

	record ContributionIds(@NotNull(message = "La liste des contributions est obligatoire.")
			@Size(min = 1, message = "Indiquez au moins une contribution.") List<@NotNull UUID> contributionIds) {
	}

	record Revision(@NotBlank(message = "Le titre est obligatoire.") @Size(max = 200, message = "200 caractères au plus.") String title,
			@NotBlank(message = "Le résumé est obligatoire.") @Size(max = 5000, message = "5 000 caractères au plus.") String summary,
			@NotBlank(message = "Le thème est obligatoire.") String theme) {
	}

	record Merge(@NotNull(message = "Indiquez la proposition à absorber.") UUID proposalId) {
	}

	record Reorientation(@NotBlank(message = "Indiquez le programme ou le service cible.") @Size(max = 300, message = "300 caractères au plus.") String target,
			@NotBlank(message = "Expliquez la réorientation.") @Size(max = 5000, message = "5 000 caractères au plus.") String note) {
	}

	record Rejection(@NotBlank(message = "Indiquez le motif du rejet.") @Size(max = 5000, message = "5 000 caractères au plus.") String reason) {
	}

	record Created(UUID id) {
	}

	private final Curation curation;
	private final Campaigns campaigns;
	private final TriageQueue queue;
	private final CurationReports reports;
	private final History history;

	CurationApi(Curation curation, Campaigns campaigns, TriageQueue queue, CurationReports reports, History history) {
		this.history = history;
		this.curation = curation;
		this.campaigns = campaigns;
		this.queue = queue;
		this.reports = reports;
	}

	/**
	 * The triage queue: pending contributions by default, or those of another outcome ({@code status}, or
	 * {@code ALL}); {@code q} searches words of the title and the need, without minding accents.
	 */
	@GetMapping("/api/campaigns/{id}/triage")
	TriageQueue.Page triage(@PathVariable UUID id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String theme, @RequestParam(required = false) String siren,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		var campaign = campaigns.get(new CampaignId(id));
		if (page < 0) {
			throw Refusal.Invalid.field("page", "Le numéro de page commence à 0.");
		}
		if (size < 1 || size > 100) {
			throw Refusal.Invalid.field("size", "La taille d'une page va de 1 à 100.");
		}
		var filter = new QueueFilter(q, theme, siren, status, page, size);
		if (!filter.knownStatus()) {
			throw Refusal.Invalid.field("status", "Le statut est PENDING, GROUPED, REORIENTED, REJECTED ou ALL.");
		}
		return queue.page(campaign.id(), filter);
	}

	@GetMapping("/api/campaigns/{id}/curation/proposals")
	List<CurationReports.ProposalSummary> proposals(@PathVariable UUID id) {
		return reports.proposals(campaigns.get(new CampaignId(id)).id());
	}

	@PostMapping("/api/campaigns/{id}/proposals")
	ResponseEntity<Created> create(@PathVariable UUID id, @Valid @RequestBody NewProposal body, BindingResult errors,
			CurrentUser user) {
		rejectIfInvalid(errors);
		var proposal = curation.createProposal(new CampaignId(id), body.title(), body.summary(), body.theme(),
				body.contributionIds().stream().map(ContributionId::new).toList(), user.username());
		return ResponseEntity.created(URI.create("/api/proposals/" + proposal.id())).body(new Created(proposal.id()));
	}

	@GetMapping("/api/proposals/{id}")
	CurationReports.ProposalView proposal(@PathVariable UUID id) {
		return reports.proposal(new ProposalId(id)).orElseThrow(() -> new Refusal.NotFound("Proposition inconnue : " + id + "."));
	}

	@GetMapping("/api/proposals/{id}/history")
	List<History.Entry> history(@PathVariable UUID id) {
		proposal(id);
		return history.ofProposal(id);
	}

	@PostMapping("/api/proposals/{id}/contributions")
	ResponseEntity<Void> add(@PathVariable UUID id, @Valid @RequestBody ContributionIds body, BindingResult errors,
			CurrentUser user) {
		rejectIfInvalid(errors);
		curation.addContributions(new ProposalId(id), body.contributionIds().stream().map(ContributionId::new).toList(),
				user.username());
		return ResponseEntity.noContent().build();
	}

	/**
	 * Undoes groupings: each listed contribution leaves the (draft) proposal and is pending again, all or none;
	 * 409 when one is not in it or the proposal is published.
	 */
	@PostMapping("/api/proposals/{id}/ungrouping")
	ResponseEntity<Void> ungroup(@PathVariable UUID id, @Valid @RequestBody ContributionIds body, BindingResult errors,
			CurrentUser user) {
		rejectIfInvalid(errors);
		proposal(id);
		curation.ungroupAll(new ProposalId(id), body.contributionIds().stream().map(ContributionId::new).toList(),
				user.username());
		return ResponseEntity.noContent().build();
	}

	/** Undoes one grouping: the contribution leaves the (draft) proposal and is pending again. */
	@DeleteMapping("/api/proposals/{id}/contributions/{contributionId}")
	ResponseEntity<Void> ungroupOne(@PathVariable UUID id, @PathVariable UUID contributionId, CurrentUser user) {
		proposal(id);
		curation.ungroup(new ContributionId(contributionId), new ProposalId(id), user.username());
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/proposals/{id}")
	ResponseEntity<Void> revise(@PathVariable UUID id, @Valid @RequestBody Revision body, BindingResult errors,
			CurrentUser user) {
		rejectIfInvalid(errors);
		curation.revise(new ProposalId(id), body.title(), body.summary(), body.theme(), user.username());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/proposals/{id}/merge")
	ResponseEntity<Void> merge(@PathVariable UUID id, @Valid @RequestBody Merge body, BindingResult errors,
			CurrentUser user) {
		rejectIfInvalid(errors);
		curation.merge(new ProposalId(id), new ProposalId(body.proposalId()), user.username());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/proposals/{id}/publication")
	ResponseEntity<Void> publish(@PathVariable UUID id, CurrentUser user) {
		curation.publish(new ProposalId(id), user.username());
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

	@PostMapping("/api/contributions/{id}/reorientation")
	ResponseEntity<Void> reorient(@PathVariable UUID id, @Valid @RequestBody Reorientation body, BindingResult errors,
			CurrentUser user) {
		rejectIfInvalid(errors);
		curation.reorient(new ContributionId(id), body.target(), body.note(), user.username());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/contributions/{id}/rejection")
	ResponseEntity<Void> reject(@PathVariable UUID id, @Valid @RequestBody Rejection body, BindingResult errors,
			CurrentUser user) {
		rejectIfInvalid(errors);
		curation.reject(new ContributionId(id), body.reason(), user.username());
		return ResponseEntity.noContent().build();
	}

	/**
	 * The body's fields at fault, refused here rather than by {@code @Valid} alone: a bound {@link BindingResult}
	 * lets the method's role check answer first, so that a person without the role gets 403, not 400.
	 */
	private static void rejectIfInvalid(BindingResult result) {
		if (result.hasErrors()) {
			throw new Refusal.Invalid(result.getFieldErrors().stream()
					.map(error -> new Refusal.FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
					.toList());
		}
	}
}
