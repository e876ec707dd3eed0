package cocon.security;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The security tests share one application, served on a real port (Tomcat's handling of forwarded headers and
 * cookies is part of what they check) and driven through MockMvc where the servlet container does not matter. The
 * fixtures are made once ({@link SecurityFixtures}); every test starts with the rate limits' windows passed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(ManualTimeMeter.Config.class)
abstract class SecurityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ManualTimeMeter time;

	@LocalServerPort
	int port;

	SecurityFixtures fixtures;

	@BeforeEach
	void windowsPassedAndFixturesMade() throws Exception {
		time.run();
		time.advance(java.time.Duration.ofHours(1));
		fixtures = SecurityFixtures.of(mvc);
	}
}
