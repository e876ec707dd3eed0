package cocon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The pages' messages as Spring writes them: a message without arguments is written as it stands (no
 * {@code MessageFormat}, {@code spring.messages.always-use-message-format} is off), so its apostrophe is one
 * {@code '}; only a message with arguments doubles it.
 */
class MessagesTests {

	@Test
	void aMessageWithoutArgumentsWritesItsApostrophesOnce() throws IOException {
		var doubled = new ArrayList<String>();
		var files = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
		assertThat(files).hasSizeGreaterThan(5);
		for (var file : files) {
			var messages = new Properties();
			try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
				messages.load(reader);
			}
			messages.forEach((key, text) -> {
				if (!text.toString().contains("{") && text.toString().contains("''")) {
					doubled.add(file.getFilename() + ": " + key);
				}
			});
		}
		assertThat(doubled).as("messages shown with a doubled apostrophe").isEmpty();
	}
}
