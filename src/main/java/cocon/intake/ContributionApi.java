package cocon.intake;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.identity.CurrentUser;

/** The intake API: submitting, correcting, withdrawing, importing and following contributions. */
@RestController
class ContributionApi {

	private final Intake intake;

	ContributionApi(Intake intake) {
		this.intake = intake;
	}

	/** The body of a submission; the organisation comes from the signed-in identity. */
	record SubmissionRequest(String title, String need, String theme, String authorRole, String authorFunction) {

		Submission submission() {
			return new Submission(title, need, theme, authorRole, authorFunction);
		}
	}

	@PostMapping("/api/campaigns/{campaignId}/contributions")
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Map<String, String>> submit(@PathVariable UUID campaignId, @RequestBody SubmissionRequest request,
			CurrentUser user) {
		var id = intake.submit(new CampaignId(campaignId), request.submission(), user);
		return ResponseEntity.created(URI.create("/api/contributions/" + id)).body(Map.of("id", id.toString()));
	}

	@GetMapping("/api/contributions/{id}")
	ContributionView show(@PathVariable UUID id, CurrentUser user) {
		var contributionId = new ContributionId(id);
		var contribution = intake.read(contributionId, user);
		return ContributionView.of(contribution, intake.history(contributionId), user.isStaff());
	}

	/** Its author corrects a contribution still waiting to be triaged (409 once triaged or after the window). */
	@PutMapping("/api/contributions/{id}")
	ContributionView revise(@PathVariable UUID id, @RequestBody SubmissionRequest request, CurrentUser user) {
		var contributionId = new ContributionId(id);
		intake.revise(contributionId, request.submission(), user);
		return ContributionView.of(intake.read(contributionId, user), intake.history(contributionId), user.isStaff());
	}

	/** Its author withdraws a contribution still waiting to be triaged (409 once triaged). */
	@DeleteMapping("/api/contributions/{id}")
	ResponseEntity<Void> withdraw(@PathVariable UUID id, CurrentUser user) {
		intake.withdraw(new ContributionId(id), user);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/me/contributions")
	List<ContributionView> mine(CurrentUser user) {
		return intake.mine(user).stream()
				.map(c -> ContributionView.of(c, intake.history(c.getId()), user.isStaff()))
				.toList();
	}

	/** Imports contributions gathered elsewhere (see {@link ContributionImport} for the columns). */
	@PostMapping(path = "/api/campaigns/{campaignId}/contributions/import", consumes = "text/csv")
	@PreAuthorize("hasRole('CURATOR')")
	ImportReport importCsv(@PathVariable UUID campaignId, @RequestBody(required = false) byte[] file) {
		// an empty body is an empty file, answered in CSV terms by the import (not as a missing JSON document)
		return intake.importCsv(new CampaignId(campaignId), file == null ? new byte[0] : file);
	}
}
