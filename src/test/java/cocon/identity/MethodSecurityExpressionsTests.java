package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.util.SimpleMethodInvocation;

/**
 * ADR 0063: the {@code @PreAuthorize} rules are compiled to bytecode once evaluated often enough ({@code hasRole}
 * does; whatever does not stays interpreted), and answer as interpreted.
 */
class MethodSecurityExpressionsTests {

	@Test
	void theRoleRulesCompileAndAnswerAsInterpreted() throws Exception {
		var handler = SecurityConfiguration.methodSecurityExpressionHandler(new StaticApplicationContext());
		var invocation = new SimpleMethodInvocation(this, Object.class.getMethod("toString"));
		Authentication agent = UsernamePasswordAuthenticationToken.authenticated("agent-216901231", null,
				List.of(new SimpleGrantedAuthority("ROLE_AGENT")));
		Authentication curator = UsernamePasswordAuthenticationToken.authenticated("curator", null,
				List.of(new SimpleGrantedAuthority("ROLE_CURATOR")));
		for (var rule : List.of("hasRole('AGENT')", "hasAnyRole('CURATOR', 'ADMINISTRATOR')")) {
			var expression = (SpelExpression) handler.getExpressionParser().parseExpression(rule);
			boolean agentInterpreted = expression.getValue(handler.createEvaluationContext(agent, invocation), Boolean.class);
			boolean curatorInterpreted = expression.getValue(handler.createEvaluationContext(curator, invocation),
					Boolean.class);
			if (rule.startsWith("hasRole")) {
				assertThat(expression.compileExpression()).as(rule + " compiled").isTrue();
			}
			else {
				expression.compileExpression();
			}
			assertThat(expression.getValue(handler.createEvaluationContext(agent, invocation), Boolean.class))
					.isEqualTo(agentInterpreted);
			assertThat(expression.getValue(handler.createEvaluationContext(curator, invocation), Boolean.class))
					.isEqualTo(curatorInterpreted);
		}
		var agentOnly = handler.getExpressionParser().parseExpression("hasRole('AGENT')");
		assertThat(agentOnly.getValue(handler.createEvaluationContext(agent, invocation), Boolean.class)).isTrue();
		assertThat(agentOnly.getValue(handler.createEvaluationContext(curator, invocation), Boolean.class)).isFalse();
	}
}
