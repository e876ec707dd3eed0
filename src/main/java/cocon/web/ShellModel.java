package cocon.web;

import java.util.HashMap;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

import cocon.shared.web.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The model every page's shell needs ({@code layout.html}): the current path (Thymeleaf 3.1 no longer exposes the
 * request to templates) and what each module adds through {@link PageModel}. Added once the controller has chosen
 * a view to render, pages after a validation error and error pages included, never to an API answer (no view)
 * nor to a redirect, whose model would become query parameters (ADR 0062). An {@code @ControllerAdvice}
 * {@code @ModelAttribute} did the same work before every handler, API calls included: per request, one
 * {@code InvocableHandlerMethod} built per advice method, with its annotations read again.
 */
final class ShellModel implements HandlerInterceptor {

	static final String CURRENT_PATH = "currentPath";

	private final ObjectProvider<PageModel> provider;
	private volatile List<PageModel> parts;

	/** The modules' parts are looked up at the first page, not while Spring MVC is being configured. */
	ShellModel(ObjectProvider<PageModel> parts) {
		this.provider = parts;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (!rendersView(page)) {
			return;
		}
		var shell = new HashMap<String, Object>();
		shell.put(CURRENT_PATH, request.getRequestURI());
		var parts = this.parts;
		if (parts == null) {
			parts = provider.orderedStream().toList();
			this.parts = parts;
		}
		for (var part : parts) {
			part.addTo(shell, request);
		}
		var model = page.getModelMap();
		shell.forEach((name, value) -> {
			if (!model.containsAttribute(name)) {
				model.addAttribute(name, value);
			}
		});
	}

	/** A view that renders a page: neither no view (an answer written by the handler) nor a redirect or forward. */
	static boolean rendersView(ModelAndView page) {
		if (page == null || page.wasCleared()) {
			return false;
		}
		if (page.getView() != null) {
			return !(page.getView() instanceof SmartView view && view.isRedirectView());
		}
		var name = page.getViewName();
		return name != null && !name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
				&& !name.startsWith(UrlBasedViewResolver.FORWARD_URL_PREFIX);
	}
}
