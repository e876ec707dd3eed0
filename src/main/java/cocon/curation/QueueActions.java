package cocon.curation;

import static cocon.curation.CurationPages.attempt;
import static cocon.curation.CurationPages.confirmed;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;

/**
 * The decisions taken from the triage queue, one contribution or a selection at a time. Each comes back to the
 * queue as the curator left it (Post/Redirect/Get): same words, filters and page (the form carries them in
 * {@code retour}), at the next card ({@code ancre}), or at the same card with the reason of a refusal.
 */
@Controller
@PreAuthorize("hasRole('CURATOR')")
class QueueActions {

	private static final Pattern ANCHOR = Pattern.compile("[a-z0-9-]{1,80}");

	private static final int SUMMARY_MAX = 5000;

	private final Curation curation;

	private final Contributions contributions;

	QueueActions(Curation curation, Contributions contributions) {
		this.curation = curation;
		this.contributions = contributions;
	}

	/** Where the queue is, carried by the forms of its page. */
	record Place(UUID campaignId, QueueFilter filter, String anchor) {

		String back(String at) {
			return "redirect:" + filter.address(campaignId, at != null && ANCHOR.matcher(at).matches() ? at : null);
		}

		String next() {
			return back(anchor);
		}
	}

	private static Place place(UUID campaignId, String retour, String ancre) {
		return new Place(campaignId, QueueFilter.carried(retour), ancre);
	}

	@PostMapping("/curation/campagnes/{id}/propositions")
	String newProposal(@PathVariable UUID id, @RequestParam String title, @RequestParam String summary,
			@RequestParam String theme, @RequestParam(required = false) List<UUID> contributionIds,
			@RequestParam(required = false) String retour, @RequestParam(required = false) String ancre,
			CurrentUser user, RedirectAttributes redirect) {
		var place = place(id, retour, ancre);
		var ids = contributionIds == null ? List.<UUID>of() : contributionIds;
		return attempt(redirect, place.back(ids.isEmpty() ? null : "contribution-" + ids.get(0)), () -> {
			var proposal = curation.createProposal(new CampaignId(id), title, summary, theme,
					ids.stream().map(ContributionId::new).toList(), user.username());
			created(redirect, proposal, title);
			return place.next();
		});
	}

	@PostMapping("/curation/contributions/{id}/regroupement")
	String group(@PathVariable UUID id, @RequestParam UUID campaignId, @RequestParam(required = false) UUID proposalId,
			@RequestParam(required = false) String retour, @RequestParam(required = false) String ancre,
			CurrentUser user, RedirectAttributes redirect) {
		var place = place(campaignId, retour, ancre);
		reopen(redirect, id, "regrouper");
		return attempt(redirect, place.back("contribution-" + id), () -> {
			if (proposalId == null) {
				throw Refusal.Invalid.field("proposalId", "Choisissez la proposition dans laquelle regrouper la contribution.");
			}
			curation.addContributions(new ProposalId(proposalId), List.of(new ContributionId(id)), user.username());
			redirect.addFlashAttribute("succes", "La contribution a été regroupée.");
			redirect.addFlashAttribute("proposition", proposalId);
			return place.next();
		});
	}

	@PostMapping("/curation/contributions/{id}/reorientation")
	String reorient(@PathVariable UUID id, @RequestParam UUID campaignId, @RequestParam String target,
			@RequestParam String note, @RequestParam(required = false) String confirmation,
			@RequestParam(required = false) String retour, @RequestParam(required = false) String ancre,
			CurrentUser user, RedirectAttributes redirect) {
		var place = place(campaignId, retour, ancre);
		reopen(redirect, id, "reorienter");
		return attempt(redirect, place.back("contribution-" + id), () -> {
			confirmed(confirmation, "la réorientation");
			curation.reorient(new ContributionId(id), target, note, user.username());
			redirect.addFlashAttribute("succes", "La contribution a été réorientée vers « " + target.strip() + " ».");
			return place.next();
		});
	}

	@PostMapping("/curation/contributions/{id}/rejet")
	String reject(@PathVariable UUID id, @RequestParam UUID campaignId, @RequestParam String reason,
			@RequestParam(required = false) String confirmation, @RequestParam(required = false) String retour,
			@RequestParam(required = false) String ancre, CurrentUser user, RedirectAttributes redirect) {
		var place = place(campaignId, retour, ancre);
		reopen(redirect, id, "rejeter");
		return attempt(redirect, place.back("contribution-" + id), () -> {
			confirmed(confirmation, "le rejet");
			curation.reject(new ContributionId(id), reason, user.username());
			redirect.addFlashAttribute("succes", "La contribution a été rejetée.");
			return place.next();
		});
	}

	/** Undoes a grouping from the queue: the contribution is pending again. */
	@PostMapping("/curation/contributions/{id}/retrait")
	String ungroup(@PathVariable UUID id, @RequestParam UUID campaignId, @RequestParam(required = false) UUID proposalId,
			@RequestParam(required = false) String confirmation, @RequestParam(required = false) String retour,
			@RequestParam(required = false) String ancre, CurrentUser user, RedirectAttributes redirect) {
		var place = place(campaignId, retour, ancre);
		return attempt(redirect, place.back("contribution-" + id), () -> {
			confirmed(confirmation, "le retrait de la contribution de sa proposition");
			curation.ungroup(new ContributionId(id), proposalId == null ? null : new ProposalId(proposalId),
					user.username());
			redirect.addFlashAttribute("succes", "La contribution est retirée de sa proposition : elle est de nouveau en attente.");
			// under the « regroupées » filter it leaves the page: on to the next card
			return place.next();
		});
	}

	/**
	 * One decision for every contribution ticked (or every one shown, {@code toutes}): grouped into an existing or a
	 * new proposal, reoriented or rejected, all or none.
	 *
	 * @param action {@code regrouper}, {@code creer}, {@code reorienter} or {@code rejeter}: the button pressed
	 * @param resumeDe the contribution whose need is the new proposal's summary when none is typed (a similar
	 *        contribution's button: the card does not repeat its text in hidden fields, to keep the page light)
	 */
	@PostMapping("/curation/campagnes/{id}/selection")
	String selection(@PathVariable UUID id, @RequestParam(required = false) String action,
			@RequestParam(required = false) List<UUID> contributionIds, @RequestParam(required = false) List<UUID> pageIds,
			@RequestParam(required = false) String toutes, @RequestParam(required = false) UUID proposalId,
			@RequestParam(required = false) String title, @RequestParam(required = false) String summary,
			@RequestParam(required = false) String theme, @RequestParam(required = false) String target,
			@RequestParam(required = false) String note, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String confirmation, @RequestParam(required = false) String retour,
			@RequestParam(required = false) String ancre, @RequestParam(required = false) UUID resumeDe, CurrentUser user,
			RedirectAttributes redirect) {
		var place = place(id, retour, ancre);
		var selected = new LinkedHashSet<UUID>();
		if (contributionIds != null) {
			selected.addAll(contributionIds);
		}
		if ("oui".equals(toutes) && pageIds != null) {
			selected.addAll(pageIds);
		}
		var ids = selected.stream().map(ContributionId::new).toList();
		// a refused decision comes back with the same contributions ticked
		redirect.addFlashAttribute("selection", List.copyOf(selected));
		return attempt(redirect, place.back("selection"), () -> {
			if (ids.isEmpty()) {
				throw Refusal.Invalid.field("contributionIds", "Cochez au moins une contribution.");
			}
			var by = user.username();
			var count = ids.size() == 1 ? "La contribution a été " : "Les " + ids.size() + " contributions ont été ";
			switch (action == null ? "" : action) {
				case "regrouper" -> {
					if (proposalId == null) {
						throw Refusal.Invalid.field("proposalId", "Choisissez la proposition dans laquelle regrouper la sélection.");
					}
					curation.addContributions(new ProposalId(proposalId), ids, by);
					redirect.addFlashAttribute("succes", count + (ids.size() == 1 ? "regroupée." : "regroupées."));
					redirect.addFlashAttribute("proposition", proposalId);
				}
				case "creer" -> {
					// a similar contribution's button names the card (resumeDe): its title, theme and need by default
					var from = resumeDe == null ? java.util.Optional.<Contribution>empty()
							: contributions.findById(new ContributionId(resumeDe));
					var named = title == null || title.isBlank() ? from.map(Contribution::title).orElse(title) : title;
					Refusal.Invalid.required("title", named, "Donnez un titre à la nouvelle proposition.");
					var created = curation.createProposal(new CampaignId(id), named,
							summary == null || summary.isBlank() ? from.map(Contribution::need).orElse(summaryOf(selected.size(), named)) : summary,
							theme == null || theme.isBlank() ? from.map(Contribution::theme).orElse(theme) : theme, ids, by);
					created(redirect, created, named);
				}
				case "reorienter" -> {
					confirmed(confirmation, "la réorientation");
					curation.reorientAll(ids, target, note, by);
					redirect.addFlashAttribute("succes", count + (ids.size() == 1 ? "réorientée" : "réorientées")
							+ " vers « " + target.strip() + " ».");
				}
				case "rejeter" -> {
					confirmed(confirmation, "le rejet");
					curation.rejectAll(ids, reason, by);
					redirect.addFlashAttribute("succes", count + (ids.size() == 1 ? "rejetée." : "rejetées."));
				}
				default -> throw Refusal.Invalid.field("action", "Choisissez ce que vous faites de la sélection.");
			}
			redirect.addFlashAttribute("selection", List.of());
			return place.next();
		});
	}

	/**
	 * A refused decision comes back to its card with the same decision open (the cards show their forms only on
	 * demand); a decision taken goes on to the next card with none open.
	 */
	private static void reopen(RedirectAttributes redirect, UUID contribution, String gesture) {
		redirect.addFlashAttribute("decider", contribution);
		redirect.addFlashAttribute("geste", gesture);
	}

	private static void created(RedirectAttributes redirect, ProposalId proposal, String title) {
		redirect.addFlashAttribute("succes", "La proposition « " + title.strip() + " » a été créée.");
		redirect.addFlashAttribute("proposition", proposal.id());
	}

	/**
	 * A summary to write later: a proposal needs one, and a curator grouping a selection writes the title first; the
	 * editor shows it before publication.
	 */
	private static String summaryOf(int contributions, String title) {
		var summary = "À rédiger : proposition « " + (title == null ? "" : title.strip()) + " », issue de " + contributions
				+ (contributions > 1 ? " contributions." : " contribution.");
		return summary.length() > SUMMARY_MAX ? summary.substring(0, SUMMARY_MAX) : summary;
	}
}
