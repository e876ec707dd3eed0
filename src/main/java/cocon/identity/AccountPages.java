package cocon.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cocon.shared.identity.CurrentUser;

/** "Mon compte": who the signed-in person is for Cocon, and for which organisation. */
@Controller
class AccountPages {

	@GetMapping("/mon-compte")
	String account(CurrentUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("organisation", user.organisation());
		return "identity/account";
	}
}
