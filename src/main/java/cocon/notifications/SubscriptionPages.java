package cocon.notifications;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.web.RateLimited;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The subscription to the campaigns' news by e-mail, for anyone (ADR 51): the form (also on each campaign's page),
 * which answers the same whatever the address, and the confirmation link of the mail, which asks for a click before
 * subscribing (a mail scanner following links subscribes nobody). The form is a public write: CSRF token as every
 * form, and a limit per address ({@code cocon.rate-limits.operations.subscriptions}).
 */
@Controller
class SubscriptionPages {

	static final String PATH = "/abonnements";
	static final String CONFIRM = "/abonnements/confirmation/";

	/** An address as a mail server accepts it, without quoting: one @, a dot in the domain, no space. */
	private static final Pattern ADDRESS = Pattern.compile("^[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+\\.[^\\s@<>()\\[\\],;:\"]+$");

	private final Subscriptions subscriptions;

	SubscriptionPages(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping(PATH)
	String form(@RequestParam(name = "campagne", required = false) UUID campaign, Model model) {
		return page(campaign, null, null, model);
	}

	@PostMapping(PATH)
	@RateLimited(value = "subscriptions", anonymous = true)
	String request(@RequestParam(name = "email", defaultValue = "") String email,
			@RequestParam(name = "campagne", required = false) UUID campaign,
			@RequestParam(name = "toutes", defaultValue = "false") boolean everyCampaign, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var address = email.strip();
		if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(campaign, address,
					"Indiquez une adresse électronique valide, au format nom@domaine.fr.", model);
		}
		var scope = everyCampaign || campaign == null ? null : campaign;
		if (scope != null && subscriptions.campaignTitle(scope).isEmpty()) {
			scope = null; // a campaign the news do not know (yet): the news of every campaign include it
		}
		subscriptions.request(address, scope);
		redirect.addFlashAttribute("requested", true);
		return "redirect:" + PATH + (campaign == null ? "" : "?campagne=" + campaign);
	}

	private String page(UUID campaign, String email, String error, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("campaignTitle", campaign == null ? null : subscriptions.campaignTitle(campaign).orElse(null));
		model.addAttribute("email", email);
		model.addAttribute("error", error);
		return "notifications/abonnement";
	}

	/** The link of the confirmation mail: asks for the click that subscribes. */
	@GetMapping(CONFIRM + "{token}")
	String confirmation(@PathVariable String token, Model model, HttpServletResponse response) {
		var pending = subscriptions.pending(token);
		if (pending.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("valid", pending.isPresent());
		model.addAttribute("token", token);
		model.addAttribute("what", pending.map(SubscriptionPages::what).orElse(null));
		return "notifications/confirmation";
	}

	@PostMapping(CONFIRM + "{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		var confirmed = subscriptions.confirm(token);
		if (confirmed.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("valid", confirmed.isPresent());
		model.addAttribute("done", confirmed.isPresent());
		model.addAttribute("what", confirmed.map(SubscriptionPages::what).orElse(null));
		return "notifications/confirmation";
	}

	private static String what(Subscriptions.Pending pending) {
		return pending.campaign() == null ? "de toutes les campagnes"
				: "de la campagne « " + pending.campaignTitle() + " »";
	}
}
