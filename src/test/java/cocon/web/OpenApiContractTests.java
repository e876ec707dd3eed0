package cocon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 22, points 1 and 2: the OpenAPI document validates (swagger-parser, the parser of the OpenAPI generators,
 * reads it without a message) and tells what the API does: every path variable declared, identifiers as uuid
 * strings, no {@code *}{@code /*}, every operation's refusals as problem details, security only where someone must be
 * signed in, the downloads' content types, the pagination headers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiContractTests {

	static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	@Autowired
	MockMvc mvc;

	@Test
	void theDocumentValidatesAndTellsTheTruth() throws Exception {
		var text = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		var options = new ParseOptions();
		options.setResolve(true);
		var parsed = new OpenAPIV3Parser().readContents(text, null, options);
		assertThat(parsed.getMessages()).as("messages of the OpenAPI parser").isEmpty();
		assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");

		var api = JsonMapper.builder().build().readTree(text);
		assertThat(text).doesNotContain("\"*/*\"");
		assertThat(api.has("security")).as("no global security requirement").isFalse();
		var wrong = new ArrayList<String>();
		int operations = 0;
		for (var path : api.get("paths").propertyNames()) {
			var item = api.get("paths").get(path);
			for (var method : List.of("get", "put", "post", "patch", "delete")) {
				var operation = item.get(method);
				if (operation == null) {
					continue;
				}
				operations++;
				var name = method.toUpperCase() + " " + path;
				var variables = VARIABLE.matcher(path);
				while (variables.find()) {
					var variable = variables.group(1);
					var declared = parameter(operation, variable);
					if (declared == null) {
						wrong.add(name + " : paramètre de chemin « " + variable + " » non déclaré");
					}
					else if (variable.equals("id") && !"uuid".equals(declared.path("schema").path("format").asString())) {
						wrong.add(name + " : « id » n'est pas une chaîne uuid : " + declared.get("schema"));
					}
				}
				var responses = operation.get("responses");
				if (!responses.has("400") || !responses.get("400").path("content").has("application/problem+json")) {
					wrong.add(name + " : pas de 400 en application/problem+json");
				}
				boolean secured = operation.has("security");
				if (secured != (responses.has("401") && responses.has("403"))) {
					wrong.add(name + " : sécurité et 401/403 en désaccord");
				}
				if (method.equals("get") && !secured && !responses.has("304")) {
					wrong.add(name + " : lecture publique sans 304");
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(operations).isGreaterThanOrEqualTo(50);

		// what the fuzzer found
		assertThat(api.at("/paths/~1api~1proposals~1{id}~1conflicts/post/responses").has("201")).isTrue();
		assertThat(api.at("/paths/~1api~1proposals~1{id}~1conflicts/post/responses").has("200")).isTrue();
		for (var put : List.of("/api/proposals/{id}/support", "/api/services/{id}/adoption")) {
			assertThat(api.at("/paths/" + put.replace("/", "~1") + "/put/responses").has("201")).as(put).isTrue();
			assertThat(api.at("/paths/" + put.replace("/", "~1") + "/put/responses").has("200")).as(put).isTrue();
		}
		for (var publicRead : List.of("/api/campaigns", "/api/campaigns/{id}/proposals", "/api/campaigns/{id}/ranking",
				"/api/open-data/catalogue.jsonld", "/api/collectivites")) {
			assertThat(api.at("/paths/" + publicRead.replace("/", "~1") + "/get").has("security")).as(publicRead).isFalse();
		}
		var download = api.at("/paths/~1api~1open-data~1campaigns~1{id}~1{dataset}.{format}/get/responses/200/content");
		assertThat(download.propertyNames()).contains("text/csv", "application/json",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(api.at("/paths/~1api~1campaigns/get/responses/200/headers").has("X-Total-Count")).isTrue();
		assertThat(api.at("/paths/~1api~1collectivites/get/responses/200/headers").has("Link")).isTrue();
	}

	@Test
	void everyPagedListSaysItsTotalAndNeighboursInHeaders() throws Exception {
		var envelope = mvc.perform(get("/api/collectivites?kind=COMMUNE&size=2&page=1"))
				.andReturn().getResponse();
		assertThat(envelope.getStatus()).isEqualTo(200);
		assertThat(envelope.getContentAsString()).contains("\"totalElements\"");
		assertThat(envelope.getHeader("X-Total-Count")).isNotBlank();
		assertThat(envelope.getHeader("Link")).contains("rel=\"next\"", "rel=\"prev\"", "kind=COMMUNE", "&page=2&size=2");
	}

	private static JsonNode parameter(JsonNode operation, String name) {
		for (var parameter : operation.path("parameters")) {
			if ("path".equals(parameter.path("in").asString()) && name.equals(parameter.path("name").asString())) {
				return parameter;
			}
		}
		return null;
	}
}
