package cocon.identity;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cocon.shared.identity.CurrentUser;
import cocon.shared.web.PageModel;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The name the page header shows for the signed-in person: the name they go by and the organisation they act for
 * (« Agent · Saint-Goazec », « Camille Martin · Lyon », « Curateur démo »), never a technical identifier — neither
 * ProConnect's subject (a 64-character identifier, issue 21, point 6) nor a demo user name such as
 * {@code agent-212902498} or {@code curator} (issue 25, point 7), whatever way the person signed in. Pages only
 * (ADR 0062).
 */
@Component
class SignedInName implements PageModel {

	@Override
	public void addTo(Map<String, Object> model, HttpServletRequest request) {
		model.put("signedInName", request.getUserPrincipal() instanceof Authentication authentication
				? signedInName(authentication) : null);
	}

	static String signedInName(Authentication authentication) {
		var user = CurrentUserArgumentResolver.currentUser(authentication);
		return user == null ? null : label(user);
	}

	static String label(CurrentUser user) {
		var name = user.displayName() == null || user.displayName().isBlank() ? "Mon compte" : user.displayName().strip();
		var organisation = user.organisation();
		if (organisation != null && organisation.name() != null && !name.contains(organisation.name())) {
			return name + " · " + organisation.name();
		}
		return name;
	}
}
