package cocon.governance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;

import cocon.testing.TestClockConfiguration;

/**
 * The one Spring context of the governance tests: the module alone (plus the start-up, identity and web modules: security, identities, problem details),
 * a real PostgreSQL, MockMvc and a clock the tests move.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(extraIncludes = { "platform", "identity", "web" })
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@interface GovernanceTest {
}
