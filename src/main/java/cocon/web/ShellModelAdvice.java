package cocon.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page shell needs on every page (Thymeleaf 3.1 no longer exposes the request to templates). */
@ControllerAdvice
class ShellModelAdvice {

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}
}
