package cocon.platform.identity;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page: the ProConnect button when ProConnect is configured, the demo personas in the demo profile
 * (whose form is processed by Spring Security's form login on {@code POST /connexion}).
 */
@Controller
class SignInPageController {

	/** Session attribute set by the demo sign-in when the SIREN typed is not a valid one. */
	static final String INVALID_SIREN = SignInPageController.class.getName() + ".invalidSiren";

	private final List<String> methods;

	SignInPageController(ObjectProvider<SignInMethod> signInMethods) {
		this.methods = signInMethods.orderedStream().map(SignInMethod::name).toList();
	}

	@GetMapping(SecurityConfiguration.SIGN_IN_PAGE)
	String signIn(@RequestParam(name = "erreur", required = false) String error,
			jakarta.servlet.http.HttpServletRequest request, Model model) {
		var session = request.getSession(false);
		model.addAttribute("invalidSiren", error != null && session != null
				&& Boolean.TRUE.equals(session.getAttribute(INVALID_SIREN)));
		boolean demo = methods.contains(DemoSignInConfiguration.DEMO);
		model.addAttribute("demo", demo);
		model.addAttribute("proconnect", methods.contains(ProConnectConfiguration.REGISTRATION_ID));
		model.addAttribute("personas", demo ? DemoPersonas.PERSONAS : List.of());
		model.addAttribute("error", error != null);
		return "platform/login";
	}
}
