package cocon.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.FrenchDates;

/**
 * The administrator's page of the demonstration: which moment of 2021 it replays, and its reset to another moment,
 * in two steps (choose, then confirm: every contribution, proposal, support and decision is erased).
 */
@Controller
@Profile("demo")
@ConditionalOnProperty(name = "cocon.demo.seed", havingValue = "true", matchIfMissing = true)
@PreAuthorize("hasRole('ADMINISTRATOR')")
class DemonstrationPages {

	static final String PAGE = "/admin/demonstration";


	private final DemoReplay replay;
	private final MessageSource messages;

	DemonstrationPages(DemoReplay replay, MessageSource messages) {
		this.replay = replay;
		this.messages = messages;
	}

	/** A moment as the page offers it. */
	record MomentOption(String key, String label, String hint) {
	}

	@GetMapping(PAGE)
	String page(Model model) {
		return page(null, null, model);
	}

	private String page(String chosen, String error, Model model) {
		var status = replay.status();
		var current = replay.underway().or(() -> status.map(DemoReplay.Status::moment)).orElse(null);
		model.addAttribute("state", replay.state().name());
		model.addAttribute("currentMoment", current == null ? null : option(current));
		model.addAttribute("campaignId", status.map(DemoReplay.Status::campaignId).orElse(null));
		model.addAttribute("completedAt", status.map(DemoReplay.Status::completedAt).map(FrenchDates::dateTime)
				.orElse(null));
		model.addAttribute("duration", status.map(DemoReplay.Status::durationMillis)
				.map(ms -> messages.getMessage("demo.duration", new Object[] { Math.max(1, Math.round(ms / 1000.0)) },
						Locale.FRENCH))
				.orElse(null));
		model.addAttribute("moments", options());
		model.addAttribute("chosen", chosen);
		model.addAttribute("error", error);
		return "demo/demonstration";
	}

	/** Step 1: the moment chosen, the page asks for confirmation and says what will be erased. */
	@PostMapping(PAGE)
	String confirm(@RequestParam(defaultValue = "") String moment, Model model) {
		var chosen = Moment.of(moment);
		if (chosen.isEmpty()) {
			return page(null, messages.getMessage("demo.error.moment", null, Locale.FRENCH), model);
		}
		model.addAttribute("moment", option(chosen.get()));
		model.addAttribute("error", null);
		return "demo/demonstration-confirmation";
	}

	/** Step 2: confirmed, the demonstration is erased and replayed in the background. */
	@PostMapping(PAGE + "/reinitialisation")
	String reset(@RequestParam(defaultValue = "") String moment, @RequestParam(required = false) String confirmation,
			Model model, RedirectAttributes redirect) {
		var chosen = Moment.of(moment);
		if (chosen.isEmpty()) {
			return page(null, messages.getMessage("demo.error.moment", null, Locale.FRENCH), model);
		}
		if (!"oui".equals(confirmation)) {
			model.addAttribute("moment", option(chosen.get()));
			model.addAttribute("error", messages.getMessage("demo.error.confirmation", null, Locale.FRENCH));
			return "demo/demonstration-confirmation";
		}
		if (!replay.reset(chosen.get())) {
			return page(chosen.get().key(), messages.getMessage("demo.error.running", null, Locale.FRENCH), model);
		}
		redirect.addFlashAttribute("success",
				messages.getMessage("demo.reset.started", new Object[] { option(chosen.get()).label() }, Locale.FRENCH));
		return "redirect:" + PAGE;
	}

	/** « 1er décembre », as French writes the first day of a month. */
	private List<MomentOption> options() {
		return Arrays.stream(Moment.values()).map(this::option).toList();
	}

	private MomentOption option(Moment moment) {
		return new MomentOption(moment.key(), messages.getMessage("demo.moment." + moment.key(), null, Locale.FRENCH),
				messages.getMessage("demo.moment." + moment.key() + ".hint", new Object[] { FrenchDates.day(moment.day()) },
						Locale.FRENCH));
	}
}
