package cocon.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the service asks of robots ({@code /robots.txt}, RFC 9309, ADR 0081): the public pages of the consultation
 * and the open data may be crawled; the sign-in, the personal and staff spaces, the forms and the links with a token
 * (subscription, unsubscription) and the rest of the API may not. Following them only opens sessions (a sign-in
 * with ProConnect keeps its request in one, a form its CSRF token), sends robots on to ProConnect, or reaches a
 * 401. This only asks: a robot that ignores it is not stopped by it.
 */
@RestController
class RobotsTxt {

	private static final String BODY = """
			# Cocon : les pages publiques de la consultation et les données ouvertes peuvent être parcourues.
			User-agent: *
			Allow: /api/open-data/
			Disallow: /api/
			Disallow: /actuator/
			Disallow: /connexion
			Disallow: /deconnexion
			Disallow: /oauth2/
			Disallow: /login/
			Disallow: /abonnements
			Disallow: /notifications/
			Disallow: /admin
			Disallow: /curation
			Disallow: /ma-collectivite
			Disallow: /mes-contributions
			Disallow: /mes-donnees
			Disallow: /mes-notifications
			Disallow: /mon-compte
			Disallow: /mon-espace
			Disallow: /trop-de-requetes
			""";

	/** Plain text in UTF-8 whatever the robot accepts (many send {@code text/html} or nothing). */
	@GetMapping("/robots.txt")
	ResponseEntity<String> robots() {
		return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).body(BODY);
	}
}
