package cocon.identity;

import java.net.URI;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * The sign-in page: the ProConnect button when ProConnect is configured, the demo personas in the demo profile
 * (whose form is processed by Spring Security's form login on {@code POST /connexion}); and the answer to a request
 * refused by a rate limit ({@link RateLimits}), with its inline message.
 */
@Controller
class SignInPages {

	/** Session attribute set by the demo sign-in when the SIREN typed is not a valid one. */
	static final String INVALID_SIREN = SignInPages.class.getName() + ".invalidSiren";

	private final List<String> methods;
	private final MessageSource messages;

	SignInPages(ObjectProvider<SignInMethod> signInMethods, MessageSource messages) {
		this.methods = signInMethods.orderedStream().map(SignInMethod::name).toList();
		this.messages = messages;
	}

	@GetMapping(SecurityConfiguration.SIGN_IN_PAGE)
	String signIn(@RequestParam(name = "erreur", required = false) String error, HttpServletRequest request, Model model) {
		var session = request.getSession(false);
		model.addAttribute("invalidSiren", error != null && session != null
				&& Boolean.TRUE.equals(session.getAttribute(INVALID_SIREN)));
		signInModel(model);
		model.addAttribute("error", error != null);
		return "identity/login";
	}

	private void signInModel(Model model) {
		boolean demo = methods.contains(DemoSignInConfiguration.DEMO);
		model.addAttribute("demo", demo);
		model.addAttribute("proconnect", methods.contains(ProConnectConfiguration.REGISTRATION_ID));
		model.addAttribute("personas", demo ? DemoPersonas.PERSONAS : List.of());
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
