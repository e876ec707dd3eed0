package cocon.web;

import java.io.IOException;
import java.util.LinkedHashMap;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that Tomcat answers before any servlet runs (an encoded slash or a NUL in the path, a request line or
 * headers too large, a malformed request): Tomcat's own English HTML page is replaced by a French problem detail
 * for the API and any client that does not ask for HTML, and by a plain DSFR page for browsers. Everything that
 * reaches Spring keeps going through {@link ProblemDetailsAdvice} and {@link ErrorPages}; this is the net
 * under them.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final MessageSource messages;

	ContainerErrorReports(MessageSource messages) {
		this.messages = messages;
	}

	/** After Spring Boot's customizer, which adds its own (English) error report valve to the host. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Container parent = context.getParent();
			for (var valve : parent.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					parent.getPipeline().removeValve(valve);
				}
			}
			if (parent instanceof StandardHost host) {
				// the host adds a valve of this class at start only when none is in its pipeline
				host.setErrorReportValveClass(FrenchErrorReportValve.class.getName());
			}
			parent.getPipeline().addValve(new FrenchErrorReportValve(messages));
		});
	}

	static final class FrenchErrorReportValve extends ErrorReportValve {

		private static final Logger LOG = LoggerFactory.getLogger(FrenchErrorReportValve.class);
		private static final JsonMapper JSON = JsonMapper.builder().build();

		private final MessageSource messages;

		/** For Tomcat, which instantiates the class named by the host when the valve is missing. */
		public FrenchErrorReportValve() {
			this(null);
		}

		FrenchErrorReportValve(MessageSource messages) {
			this.messages = messages;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int code = response.getStatus();
			if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			var status = HttpStatus.resolve(code);
			if (status == null) {
				status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
			}
			String uri = request.getRequestURI();
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			boolean api = uri != null && (uri.startsWith("/api/") || uri.equals("/api") || uri.startsWith("/actuator"));
			boolean page = !api && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
			try {
				String body;
				if (page) {
					response.setContentType(MediaType.TEXT_HTML_VALUE);
					body = html(status);
				}
				else {
					response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
					body = problem(status, api ? uri : null);
				}
				response.setCharacterEncoding("UTF-8");
				var writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				LOG.debug("Réponse d'erreur {} non écrite : {}", code, e.toString());
			}
		}

		private String problem(HttpStatus status, String instance) {
			var body = new LinkedHashMap<String, Object>();
			body.put("title", title(status));
			body.put("status", status.value());
			body.put("detail", detail(status));
			if (instance != null && instance.length() < 2000) {
				body.put("instance", instance);
			}
			return JSON.writeValueAsString(body);
		}

		private String html(HttpStatus status) {
			String title = HtmlUtils.htmlEscape(title(status), "UTF-8");
			String message = HtmlUtils.htmlEscape(message(status.is5xxServerError() ? "error.page.5xx" : "error.page.400",
					status.is5xxServerError() ? "Une erreur inattendue est survenue de notre côté."
							: "La demande n’a pas pu être traitée : vérifiez l’adresse."), "UTF-8");
			return """
					<!DOCTYPE html>
					<html lang="fr" data-fr-scheme="system">
					<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
					<title>%1$s — Cocon</title><link rel="stylesheet" href="/dsfr/dsfr.min.css"></head>
					<body>
					<header role="banner" class="fr-header"><div class="fr-header__body"><div class="fr-container">
					<div class="fr-header__body-row"><div class="fr-header__brand fr-enlarge-link">
					<div class="fr-header__brand-top"><div class="fr-header__logo"><p class="fr-logo">République<br>Française</p>
					</div></div><div class="fr-header__service"><a href="/" title="Accueil — Cocon">
					<p class="fr-header__service-title">Cocon</p></a></div></div></div></div></div></header>
					<main id="contenu" class="fr-container fr-my-6w" role="main">
					<h1>%1$s</h1><p class="fr-text--sm fr-mb-3w">Erreur %2$d</p><p class="fr-text--lead fr-mb-3w">%3$s</p>
					<ul class="fr-btns-group fr-btns-group--inline-md"><li><a class="fr-btn" href="/">Page d’accueil</a></li></ul>
					</main>
					</body>
					</html>
					""".formatted(title, status.value(), message);
		}

		private String title(HttpStatus status) {
			return message("problem.title." + status.value(), status.is5xxServerError() ? "Erreur interne" : "Requête invalide");
		}

		private String detail(HttpStatus status) {
			if (status == HttpStatus.BAD_REQUEST) {
				return message("problem.detail.container.400", "La requête est invalide.");
			}
			return message("problem.detail." + status.value(), status.is5xxServerError()
					? "Une erreur inattendue est survenue. Réessayez dans un instant."
					: "La requête est invalide.");
		}

		private String message(String code, String fallback) {
			return messages == null ? fallback : messages.getMessage(code, null, fallback, Problems.FRENCH);
		}
	}
}
