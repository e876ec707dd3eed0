package cocon.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Siret;
import cocon.shared.identity.CurrentUser;
import cocon.shared.web.RateLimited;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description of the API, served at {@code /v3/api-docs} with Swagger UI at {@code /swagger-ui.html}.
 * <p>
 * It tells what the API does (issue 22), derived from the handlers rather than annotated on each of them: identifiers
 * as uuid strings, a security requirement only where a handler needs someone signed in (a signed-in user parameter,
 * a role check, any write), every refusal an operation can answer as an RFC 9457 problem detail
 * ({@code application/problem+json}), the pagination headers of paged lists, the conditional answers (304) of the
 * public reads, and no {@code *}{@code /*} content: JSON unless a handler says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BASIC = "basic";

	static final String PROBLEM = "ProblemDetail";

	static final String PROBLEM_JSON = "application/problem+json";

	private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	static {
		// The signed-in user is resolved from the session or the credentials, never sent as a parameter: without this
		// every operation that takes one would list a spurious « user » query parameter.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
		// Identifiers are records in the code and uuid strings on the wire: a generated client puts a uuid in the URL
		var uuid = new StringSchema().format("uuid");
		SpringDocUtils.getConfig().replaceWithSchema(CampaignId.class, uuid)
				.replaceWithSchema(ProposalId.class, new StringSchema().format("uuid"))
				.replaceWithSchema(ContributionId.class, new StringSchema().format("uuid"))
				.replaceWithSchema(Siren.class, new StringSchema().pattern("^[0-9]{9}$").example("216901231"))
				.replaceWithSchema(Siret.class, new StringSchema().pattern("^[0-9]{14}$"));
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
								territoires référents. Les lectures publiques sont ouvertes, sans identité, lisibles \
								depuis un autre site (CORS) et conditionnelles (ETag, 304) ; les actions demandent une \
								identité (ProConnect en production, identités de démonstration « agent-SIREN », par \
								exemple « agent-216901231 », « curator », « admin »… avec le mot de passe « demo » en HTTP \
								Basic sur l'instance de démonstration). Les listes paginées donnent le total dans \
								l'en-tête X-Total-Count et les pages voisines dans l'en-tête Link (RFC 8288), quelle que \
								soit la forme de leur corps. Toute erreur est un « problem detail » (RFC 9457) en français.""")
						.license(new License().name("Licence Ouverte 2.0 (données)")
								.url("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")))
				.components(new Components()
						.addSecuritySchemes(BASIC, new SecurityScheme()
								.type(SecurityScheme.Type.HTTP)
								.scheme("basic")
								.description("Identités de démonstration (profil « demo ») : par exemple agent-216901231 / demo."))
						.addSchemas(PROBLEM, problemSchema()));
	}

	/** Per operation: who may call it, what it may answer. */
	@Bean
	OperationCustomizer coconOperations() {
		return (operation, handler) -> {
			boolean write = isWrite(handler);
			boolean signedIn = write || needsSignedInUser(handler);
			boolean roleChecked = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
					|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
			var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
			operation.setResponses(responses);
			if (signedIn || roleChecked) {
				operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
				problem(responses, "401", "Authentification requise.");
				problem(responses, "403", "Le rôle ou l'appartenance de la personne connectée ne permet pas cette action.");
			}
			else {
				operation.setSecurity(null);
				responses.addApiResponse("304", new ApiResponse()
						.description("Non modifié : la réponse n'a pas changé depuis l'ETag donné (If-None-Match)."));
			}
			problem(responses, "400", "Paramètre ou corps invalide : les champs en cause sont nommés dans « errors ».");
			if (hasPathVariable(handler)) {
				problem(responses, "404", "Ressource introuvable.");
			}
			problem(responses, "406", "Aucun des formats acceptés (Accept) n'est disponible.");
			if (write) {
				problem(responses, "409", "Conflit avec l'état de la ressource (transition interdite, modification concurrente).");
				problem(responses, "413", "Corps de requête trop volumineux.");
				problem(responses, "415", "Type de contenu non pris en charge : envoyez du JSON.");
				problem(responses, "422", "Requête bien formée mais refusée par une règle métier.");
				if (ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType()) && !answersNoContent(handler)
						&& (AnnotatedElementUtils.hasAnnotation(handler.getMethod(),
								org.springframework.web.bind.annotation.PostMapping.class)
								|| AnnotatedElementUtils.hasAnnotation(handler.getMethod(),
										org.springframework.web.bind.annotation.PutMapping.class))) {
					createdAsWell(responses);
				}
			}
			if (answersNoContent(handler)) {
				responses.addApiResponse("204", new ApiResponse().description("Fait : rien à renvoyer."));
			}
			if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), RateLimited.class)) {
				problem(responses, "429", "Trop de requêtes : réessayez après le délai de l'en-tête Retry-After.");
			}
			problem(responses, "500", "Erreur inattendue, avec un numéro d'incident.");
			problem(responses, "503", "Service momentanément indisponible (base de données) : réessayez.");
			if (isPaged(handler)) {
				pagination(responses.get("200"));
			}
			return operation;
		};
	}

	/** The whole document: path parameters every template declares, and no {@code *}{@code /*} content. */
	@Bean
	OpenApiCustomizer coconDocument() {
		return api -> {
			api.setSecurity(null);
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> {
				for (var operation : item.readOperations()) {
					declarePathVariables(path, operation);
					noWildcardContent(operation);
				}
			});
		};
	}

	// Derived from the handler ----------------------------------------------------------------------------------------

	private static boolean isWrite(HandlerMethod handler) {
		var mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
				org.springframework.web.bind.annotation.RequestMapping.class);
		if (mapping == null) {
			return false;
		}
		for (var method : mapping.method()) {
			if (method != RequestMethod.GET && method != RequestMethod.HEAD) {
				return true;
			}
		}
		return false;
	}

	/** A signed-in user parameter that may not be null: the handler answers only someone signed in. */
	private static boolean needsSignedInUser(HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			if (parameter.getParameterType() == CurrentUser.class && !parameter.hasParameterAnnotation(Nullable.class)
					&& !parameter.isOptional()) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasPathVariable(HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(PathVariable.class)) {
				return true;
			}
		}
		var mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
				org.springframework.web.bind.annotation.RequestMapping.class);
		return mapping != null && java.util.Arrays.stream(mapping.path()).anyMatch(p -> p.contains("{"));
	}

	/** A list read page by page: a {@code page} and a {@code size} parameter. */
	private static boolean isPaged(HandlerMethod handler) {
		boolean page = false;
		boolean size = false;
		for (var parameter : handler.getMethodParameters()) {
			var param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				var name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
						: parameter.getParameterName();
				page |= "page".equals(name);
				size |= "size".equals(name);
			}
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return false;
			}
		}
		return page && size;
	}

	// The parts added -------------------------------------------------------------------------------------------------

	private static void problem(ApiResponses responses, String status, String description) {
		if (responses.containsKey(status)) {
			return;
		}
		responses.addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	/** A handler that answers a {@code ResponseEntity<Void>} answers 204 when it succeeds (the body-less answers). */
	private static boolean answersNoContent(HandlerMethod handler) {
		return handler.getMethod().getGenericReturnType() instanceof java.lang.reflect.ParameterizedType type
				&& ResponseEntity.class.equals(type.getRawType()) && Void.class.equals(type.getActualTypeArguments()[0]);
	}

	/**
	 * A POST or PUT that answers a {@code ResponseEntity} with a body may create: 201 with the same body, 200 when it
	 * existed already (a support, an adoption declared by {@code PUT}).
	 */
	private static void createdAsWell(ApiResponses responses) {
		var ok = responses.get("200");
		if (ok != null && !responses.containsKey("201")) {
			responses.addApiResponse("201", new ApiResponse().description("Créé.").content(ok.getContent())
					.headers(Map.of("Location", new Header().description("Adresse de la ressource créée, le cas échéant")
							.schema(new StringSchema()))));
		}
	}

	private static void pagination(@Nullable ApiResponse ok) {
		if (ok == null) {
			return;
		}
		var headers = ok.getHeaders() == null ? new LinkedHashMap<String, Header>() : new LinkedHashMap<>(ok.getHeaders());
		headers.put("X-Total-Count", new Header().description("Nombre d'éléments de toute la liste")
				.schema(new IntegerSchema().format("int64")));
		headers.put("Link", new Header().description("Pages suivante et précédente (RFC 8288) : rel=\"next\", rel=\"prev\"")
				.schema(new StringSchema()));
		ok.setHeaders(headers);
	}

	/** Every {@code {name}} of the path is a declared path parameter (uuid for identifiers). */
	private static void declarePathVariables(String path, Operation operation) {
		var matcher = TEMPLATE_VARIABLE.matcher(path);
		while (matcher.find()) {
			var name = matcher.group(1);
			var parameters = operation.getParameters() == null ? new ArrayList<io.swagger.v3.oas.models.parameters.Parameter>()
					: new ArrayList<>(operation.getParameters());
			boolean declared = parameters.stream().anyMatch(p -> "path".equals(p.getIn()) && name.equals(p.getName()));
			if (!declared) {
				parameters.add(new PathParameter().name(name).required(true)
						.schema(name.equals("id") ? new StringSchema().format("uuid") : new StringSchema()));
				operation.setParameters(parameters);
			}
		}
	}

	private static void noWildcardContent(Operation operation) {
		if (operation.getRequestBody() != null) {
			replaceWildcard(operation.getRequestBody().getContent(), "application/json");
		}
		if (operation.getResponses() != null) {
			operation.getResponses().forEach((status, response) -> replaceWildcard(response.getContent(),
					status.startsWith("4") || status.startsWith("5") ? PROBLEM_JSON : "application/json"));
		}
	}

	private static void replaceWildcard(@Nullable Content content, String by) {
		if (content != null && content.containsKey("*/*")) {
			var media = content.remove("*/*");
			content.putIfAbsent(by, media);
		}
	}

	/** RFC 9457, with what this API adds: the fields at fault ({@code errors}) and the incident number. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema problemSchema() {
		var error = new ObjectSchema().addProperty("field", new StringSchema().description("Champ ou paramètre en cause"))
				.addProperty("message", new StringSchema().description("Ce qui ne va pas, en français"));
		Schema schema = new ObjectSchema().description("Problème (RFC 9457), en français")
				.addProperty("type", new StringSchema().format("uri-reference"))
				.addProperty("title", new StringSchema())
				.addProperty("status", new IntegerSchema())
				.addProperty("detail", new StringSchema())
				.addProperty("instance", new StringSchema().format("uri-reference"))
				.addProperty("errors", new ArraySchema().items(error))
				.addProperty("incident", new StringSchema().description("Numéro d'incident d'une erreur inattendue"));
		return schema;
	}
}
