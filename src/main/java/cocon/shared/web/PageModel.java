package cocon.shared.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a module adds to the model of every page the shell renders (the name of the signed-in person, the feeds of
 * the head, the demonstration's banners). The web module collects these beans and calls them once per rendered
 * page, after its controller, and never for an API answer, a redirect or a forward (ADR 0062): an
 * {@code @ControllerAdvice} {@code @ModelAttribute} ran for every handler, {@code @RestController}s included.
 * What the controller already put in the model under the same name is kept.
 */
public interface PageModel {

	/** Adds this module's attributes to {@code model}, the page being rendered for {@code request}. */
	void addTo(Map<String, Object> model, HttpServletRequest request);
}
