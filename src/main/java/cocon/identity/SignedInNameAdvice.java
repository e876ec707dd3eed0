package cocon.identity;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The name the page header shows for the signed-in person: their name as ProConnect gives it, never the subject (a
 * 64-character identifier, issue 21, point 6); the demo identities keep the name chosen on the sign-in page.
 */
@ControllerAdvice
class SignedInNameAdvice {

	@ModelAttribute("signedInName")
	String signedInName(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof ProConnectUser user
				? user.currentUser().displayName() : null;
	}
}
