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

	private final List<String> methods;

	SignInPageController(ObjectProvider<SignInMethod> signInMethods) {
		this.methods = signInMethods.orderedStream().map(SignInMethod::name).toList();
	}

	@GetMapping(SecurityConfiguration.SIGN_IN_PAGE)
	String signIn(@RequestParam(name = "erreur", required = false) String error, Model model) {
		boolean demo = methods.contains(DemoSignInConfiguration.DEMO);
		model.addAttribute("demo", demo);
		model.addAttribute("proconnect", methods.contains(ProConnectConfiguration.REGISTRATION_ID));
		model.addAttribute("personas", demo ? DemoPersonas.PERSONAS : List.of());
		model.addAttribute("error", error != null);
		return "platform/login";
	}
}
