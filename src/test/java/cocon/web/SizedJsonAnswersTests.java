package cocon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;

import tools.jackson.databind.json.JsonMapper;

/** A small JSON answer gets its length; a long one streams whole, without a length. */
class SizedJsonAnswersTests {

	final JsonMapper json = JsonMapper.builder().build();
	final SizedJsonAnswers converter = new SizedJsonAnswers(json);

	@Test
	void aSmallAnswerHasItsLengthALongOneStreamsWhole() throws Exception {
		var small = write(Map.of("message", "Le soutien de votre collectivité est enregistré."));
		assertThat(small.getHeaders().getContentLength()).isEqualTo(small.getBodyAsBytes().length);
		assertThat(json.readTree(small.getBodyAsString(StandardCharsets.UTF_8)).get("message").asString())
				.isEqualTo("Le soutien de votre collectivité est enregistré.");

		var items = Collections.nCopies(2_000, "é".repeat(10));
		var long_ = write(items);
		assertThat(long_.getHeaders().getContentLength()).isEqualTo(-1);
		assertThat(long_.getBodyAsBytes().length).isGreaterThan(SizedJsonAnswers.HELD);
		assertThat(json.readTree(long_.getBodyAsString(StandardCharsets.UTF_8)).size()).isEqualTo(items.size());
	}

	private MockHttpOutputMessage write(Object value) throws Exception {
		var output = new MockHttpOutputMessage();
		converter.write(value, ResolvableType.forInstance(value), MediaType.APPLICATION_JSON, output, null);
		return output;
	}
}
