package cocon.identity;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sign-in page: the ProConnect button when ProConnect is configured (or the message that it cannot be reached,
 * and the French message of a failed ProConnect sign-in, {@link SignInFailure}), the demo personas in the demo profile
 * (whose form is processed by Spring Security's form login on {@code POST /connexion}); the pages around a ProConnect
 * sign-in and sign-out; and the answer to a request refused by a rate limit ({@link RateLimits}), with its inline
 * message.
 */
@Controller
class SignInPages {

	/** Session attribute set by the demo sign-in when the SIREN typed is not a valid one. */
	static final String INVALID_SIREN = SignInPages.class.getName() + ".invalidSiren";

	private static final Logger LOG = LoggerFactory.getLogger(SignInPages.class);

	private final List<String> methods;
	private final MessageSource messages;
	private final ObjectProvider<ProConnectRegistrations> proConnect;

	SignInPages(ObjectProvider<SignInMethod> signInMethods, MessageSource messages,
			ObjectProvider<ProConnectRegistrations> proConnect) {
		this.methods = signInMethods.orderedStream().map(SignInMethod::name).toList();
		this.messages = messages;
		this.proConnect = proConnect;
	}

	@GetMapping(SecurityConfiguration.SIGN_IN_PAGE)
	String signIn(@RequestParam(name = "erreur", required = false) String error, HttpServletRequest request, Model model) {
		var session = request.getSession(false);
		model.addAttribute("invalidSiren", error != null && session != null
				&& Boolean.TRUE.equals(session.getAttribute(INVALID_SIREN)));
		signInModel(model);
		var failure = error == null ? java.util.Optional.<SignInFailure>empty() : SignInFailure.ofCode(error);
		model.addAttribute("error", error != null && failure.isEmpty());
		model.addAttribute("failure", failure.map(f -> messages.getMessage(f.messageKey(), null, Locale.FRANCE)).orElse(null));
		model.addAttribute("failureCode", failure.map(SignInFailure::code).orElse(null));
		model.addAttribute("mfaRequired", failure.filter(SignInFailure.MFA_REQUIRED::equals).isPresent());
		return "identity/login";
	}

	private void signInModel(Model model) {
		boolean demo = methods.contains(DemoSignInConfiguration.DEMO);
		boolean proconnect = methods.contains(ProConnectConfiguration.REGISTRATION_ID);
		model.addAttribute("demo", demo);
		model.addAttribute("proconnect", proconnect);
		var registrations = proConnect.getIfAvailable();
		model.addAttribute("proconnectUnavailable", proconnect && registrations != null && !registrations.available());
		model.addAttribute("personas", demo ? DemoPersonas.PERSONAS : List.of());
	}

	/**
	 * The answer to the sign-out form of a person signed in with ProConnect ({@link ProConnectSignOut}): a page that
	 * goes on to ProConnect's end of session by itself. Not reachable directly.
	 */
	@Hidden
	@RequestMapping(ProConnectSignOut.PAGE)
	String signingOut(HttpServletRequest request, Model model) {
		if (request.getDispatcherType() != DispatcherType.FORWARD
				|| !(request.getAttribute(ProConnectSignOut.END_SESSION) instanceof String endSession)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("endSession", endSession);
		return "identity/sign-out";
	}

	/** Where ProConnect sends the person back after the end of its session, with the {@code state} Cocon gave. */
	@GetMapping(SecurityConfiguration.SIGN_OUT + "/terminee")
	String signedOut(@RequestParam(name = "state", required = false) String state, HttpServletRequest request, Model model) {
		var session = request.getSession(false);
		Object expected = session == null ? null : session.getAttribute(ProConnectSignOut.STATE);
		boolean confirmed = expected != null && expected.equals(state);
		if (session != null) {
			session.removeAttribute(ProConnectSignOut.STATE);
		}
		if (!confirmed) {
			LOG.info("Retour de déconnexion ProConnect sans état attendu (state {}) : seule la fin de session Cocon est confirmée",
					state == null ? "absent" : "différent");
		}
		model.addAttribute("confirmed", confirmed);
		return "identity/signed-out";
	}

	/** After a ProConnect sign-in whose organisation is not a collectivité Cocon knows: what « à vérifier » means. */
	@GetMapping(ProConnectSignInSuccess.UNVERIFIED_PAGE)
	String unverifiedOrganisation(Authentication authentication, Model model) {
		var user = CurrentUserArgumentResolver.currentUser(authentication);
		if (user == null) {
			return "redirect:" + SecurityConfiguration.SIGN_IN_PAGE;
		}
		if (user.organisation() == null) {
			return "redirect:/";
		}
		model.addAttribute("user", user);
		return "identity/organisation-unverified";
	}

	/**
	 * A page request over a rate limit, forwarded here with status 429 and Retry-After already set: the sign-in page
	 * with its message for wrong passwords, a short page otherwise. Not reachable directly.
	 */
	@Hidden
	@RequestMapping(RateLimits.REFUSED_PAGE)
	String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (request.getDispatcherType() != DispatcherType.FORWARD || !(request.getAttribute(RateLimits.RETRY_AFTER) instanceof Long seconds)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		boolean signingIn = Boolean.TRUE.equals(request.getAttribute(RateLimits.SIGN_IN));
		model.addAttribute("throttled", RateLimits.message(messages, seconds, signingIn));
		if (signingIn) {
			signInModel(model);
			model.addAttribute("error", false);
			return "identity/login";
		}
		model.addAttribute("back", back(request));
		return "web/trop-de-requetes";
	}

	/** The page the visitor came from, when it is one of ours; the home page otherwise. */
	private static String back(HttpServletRequest request) {
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer != null) {
			try {
				var uri = URI.create(referer);
				if (request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getRawPath() != null
						&& uri.getRawPath().startsWith("/") && !uri.getRawPath().startsWith("//")) {
					return uri.getRawPath();
				}
			}
			catch (IllegalArgumentException ignored) {
				// not a URI: back to the home page
			}
		}
		return "/";
	}
}
