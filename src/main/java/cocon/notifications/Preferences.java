package cocon.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cocon.shared.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import cocon.shared.identity.Role;

/**
 * Each person's choice of what they receive (each kind on or off, at once or in the weekly digest), and the one-click
 * unsubscribe of every mail (RFC 8058): a {@code POST} to the link of the {@code List-Unsubscribe} header, with its
 * secret token and no sign-in (the only write of the application without a CSRF token, since a mail client sends it
 * without any page), turns that kind off; the same link opened in a browser asks to confirm first.
 */
@Controller
class Preferences {

	static final String PATH = "/mes-notifications";
	static final String UNSUBSCRIBE = "/notifications/desabonnement/";

	/** How a kind reaches a person: at once (no row), in the weekly digest, or not at all. */
	enum Choice {
		IMMEDIAT("À chaque fois"), RESUME("Dans le résumé hebdomadaire"), JAMAIS("Jamais");

		private final String label;

		Choice(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** A line of the page: a kind, and how it reaches the person now. */
	record Line(String kind, String label, String hint, Choice choice) {
	}

	private final JdbcClient jdbc;
	private final Subscriptions subscriptions;
	private final org.springframework.beans.factory.ObjectProvider<cocon.shared.identity.CommitteeSeats> seats;

	Preferences(JdbcClient jdbc, Subscriptions subscriptions,
			org.springframework.beans.factory.ObjectProvider<cocon.shared.identity.CommitteeSeats> seats) {
		this.jdbc = jdbc;
		this.subscriptions = subscriptions;
		this.seats = seats;
	}

	@GetMapping(PATH)
	String page(CurrentUser user, Model model) {
		model.addAttribute("known", known(user.username()));
		model.addAttribute("lines", lines(user));
		model.addAttribute("choices", Choice.values());
		return "notifications/preferences";
	}

	@PostMapping(PATH)
	@Transactional
	String save(CurrentUser user, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		if (!known(user.username())) {
			return "redirect:" + PATH;
		}
		for (var line : lines(user)) {
			var chosen = Optional.ofNullable(form.get(line.kind())).flatMap(Preferences::choice).orElse(line.choice());
			choose(user.username(), line.kind(), chosen);
		}
		redirect.addFlashAttribute("success", "Vos préférences sont enregistrées.");
		return "redirect:" + PATH;
	}

	/**
	 * The link opened in a browser asks to confirm. An unknown token (never given, or its holder erased) answers 404
	 * with a page that says so, as the one-click POST does with a problem (below): the same answer for both.
	 */
	@GetMapping(UNSUBSCRIBE + "{token}")
	String confirm(@PathVariable String token, @RequestParam(name = "type", required = false) String type, Model model,
			HttpServletResponse response) {
		var kind = type == null ? Optional.<Kind>empty() : Kind.parse(type);
		var holder = holder(token);
		if (holder.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("valid", holder.isPresent());
		model.addAttribute("subscriber", holder.filter(Subscriptions::isSubscriber).isPresent());
		model.addAttribute("token", token);
		model.addAttribute("kind", kind.map(Kind::name).orElse(null));
		model.addAttribute("kindLabel", kind.map(Kind::label).orElse(null));
		return "notifications/desabonnement";
	}

	/**
	 * The one-click unsubscribe (RFC 8058), also the confirmation of the page above. An unknown token answers 404: a
	 * problem (RFC 9457) to a mail client, the page above to a browser. An anonymous subscriber's link erases their
	 * address and subscriptions (ADR 51).
	 */
	@PostMapping(UNSUBSCRIBE + "{token}")
	@Transactional
	String unsubscribe(@PathVariable String token, @RequestParam(name = "type", required = false) String type,
			Model model, HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
		var holder = holder(token);
		if (holder.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			var accept = request.getHeader(HttpHeaders.ACCEPT);
			if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getWriter().write("""
						{"title":"Lien de désabonnement inconnu","status":404,\
						"detail":"Ce lien de désabonnement n'est pas ou plus valable : aucun courriel n'est envoyé à son \
						titulaire, ou son adresse a été effacée.","instance":"/notifications/desabonnement"}""");
				return null;
			}
			model.addAttribute("valid", false);
			return "notifications/desabonnement";
		}
		var recipient = holder.get();
		if (Subscriptions.isSubscriber(recipient)) {
			subscriptions.forget(recipient);
			model.addAttribute("done", true);
			model.addAttribute("subscriber", true);
			return "notifications/desabonnement";
		}
		var kinds = type == null ? Kind.all() : Kind.parse(type).map(List::of).orElseGet(Kind::all);
		kinds.forEach(kind -> choose(recipient, kind.name(), Choice.JAMAIS));
		model.addAttribute("done", true);
		model.addAttribute("kindLabel", kinds.size() == 1 ? kinds.get(0).label() : null);
		return "notifications/desabonnement";
	}

	private void choose(String recipient, String kind, Choice choice) {
		if (choice == Choice.IMMEDIAT) {
			jdbc.sql("delete from notifications.preference where recipient_key = ? and kind = ?").params(recipient, kind)
					.update();
			return;
		}
		jdbc.sql("""
				insert into notifications.preference (recipient_key, kind, enabled, digest) values (?, ?, ?, ?)
				on conflict (recipient_key, kind) do update set enabled = excluded.enabled, digest = excluded.digest""")
				.params(recipient, kind, choice != Choice.JAMAIS, choice == Choice.RESUME).update();
	}

	private Optional<String> holder(String token) {
		return jdbc.sql("select recipient_key from notifications.recipient where token = ?").param(token)
				.query(String.class).optional();
	}

	private boolean known(String username) {
		return jdbc.sql("select exists (select 1 from notifications.recipient where recipient_key = ?)").param(username)
				.query(Boolean.class).single();
	}

	/** The kinds that concern this person, with their current choice. */
	private List<Line> lines(CurrentUser user) {
		var current = jdbc.sql("select kind, enabled, digest from notifications.preference where recipient_key = ?")
				.param(user.username())
				.query((rs, row) -> Map.entry(rs.getString("kind"), !rs.getBoolean("enabled") ? Choice.JAMAIS
						: rs.getBoolean("digest") ? Choice.RESUME : Choice.IMMEDIAT))
				.list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		var kinds = new ArrayList<Kind>(List.of(Kind.CONTRIBUTION_OUTCOME, Kind.PROPOSAL_NEWS));
		if (user.organisation() != null) {
			kinds.addAll(List.of(Kind.WINDOW_OPENING, Kind.SUPPORT_REMINDER, Kind.RESULTS, Kind.DECISIONS,
					Kind.REFERENT_CALL, Kind.SERVICE_AVAILABLE));
		}
		if (user.hasRole(Role.CURATOR)) {
			kinds.add(Kind.CURATION_DIGEST);
		}
		var committee = seats.getIfAvailable();
		if (committee != null && committee.seated(user.username())) {
			kinds.add(Kind.COMMITTEE_REMINDER);
		}
		return kinds.stream().map(kind -> new Line(kind.name(), kind.label(), kind.hint(),
				current.getOrDefault(kind.name(), Choice.IMMEDIAT))).toList();
	}

	private static Optional<Choice> choice(String value) {
		try {
			return Optional.of(Choice.valueOf(value));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
