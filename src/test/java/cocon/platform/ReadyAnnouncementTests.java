package cocon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

@ExtendWith(OutputCaptureExtension.class)
class ReadyAnnouncementTests {

	@Test
	void saysInFrenchWhereTheHomePageAnswersOnceReady(CapturedOutput output) {
		var context = new GenericApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
				Map.of("local.server.port", "18080", "cocon.base-url", "https://cocon.example.gouv.fr")));

		new ReadyAnnouncement().onReady(new ApplicationReadyEvent(new SpringApplication(), new String[0], context,
				Duration.ofSeconds(3)));

		assertThat(output).contains("Cocon est prêt sur http://localhost:18080 (adresse publique : https://cocon.example.gouv.fr)");
	}
}
