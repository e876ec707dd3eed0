package cocon.identity;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import cocon.shared.identity.CurrentUser;

/**
 * Gives controllers the signed-in {@link CurrentUser}. An anonymous request to a handler that needs one is
 * refused as unauthenticated (401 problem detail for the API, sign-in page for the browser).
 */
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return CurrentUser.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		var user = currentUser(SecurityContextHolder.getContext().getAuthentication());
		if (user == null && !parameter.isOptional()) {
			throw new AuthenticationCredentialsNotFoundException("Authentification requise.");
		}
		return user;
	}

	static CurrentUser currentUser(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return null;
		}
		if (authentication.getPrincipal() instanceof CurrentUser user) {
			return user;
		}
		if (authentication.getPrincipal() instanceof CurrentUserPrincipal principal) {
			return principal.currentUser();
		}
		return null;
	}
}
