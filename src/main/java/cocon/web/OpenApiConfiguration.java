package cocon.web;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cocon.shared.identity.CurrentUser;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description of the API, served at {@code /v3/api-docs} with Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BASIC = "basic";

	static {
		// The signed-in user is resolved from the session or the credentials, never sent as a parameter: without this
		// every operation that takes one would list a spurious « user » query parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
	}

	@Bean
	OpenAPI coconOpenApi() {
		return new OpenAPI()
				.info(new Info()
						.title("API Cocon")
						.version("1")
						.description("""
								API de Cocon, la plateforme de co-construction de services numériques entre l'État et \
								les collectivités : contributions, curation, soutiens des collectivités, comités et \
								territoires référents. Les lectures publiques sont ouvertes ; les actions demandent une \
								identité (ProConnect en production, identités de démonstration « agent-SIREN », par \
								exemple « agent-216901231 », « curator », « admin »… avec le mot de passe « demo » en HTTP \
								Basic sur l'instance de démonstration). Toute erreur est un « problem detail » (RFC 9457) en français.""")
						.license(new License().name("Licence Ouverte 2.0 (données)")
								.url("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")))
				.components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
						.type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("Identités de démonstration (profil « demo ») : par exemple agent-216901231 / demo.")))
				.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}
}
