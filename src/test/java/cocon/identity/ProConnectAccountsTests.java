package cocon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import cocon.shared.identity.Role;

/**
 * The ProConnect accounts of a Cocon user (ADR 0033), on the real database: one agent is one user whatever the
 * identity provider, never by e-mail onto a staff user; a first administrator ({@code COCON_ADMINISTRATORS}) is bound
 * at the first sign-in, and revoked like any grant (issue 20, point 2).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProConnectAccountsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	RoleGrants grants;

	@Autowired
	ProConnectAccounts accounts;

	final String run = Long.toHexString(System.nanoTime());

	@Test
	void theSameAgentThroughAnotherIdentityProviderIsTheSameUserButAStaffUserIsNeverTakenOverByAnEmail() {
		var email = "agent-" + run + "@mairie.fr";
		var first = accounts.username("idp-a", "sub-a-" + run, email);
		assertThat(first).isEqualTo("sub-a-" + run);
		assertThat(accounts.username("idp-b", "sub-b-" + run, email.toUpperCase())).isEqualTo(first);
		assertThat(accounts.username("idp-a", "sub-a-" + run, email)).isEqualTo(first);

		var staffEmail = "curatrice-" + run + "@anct.gouv.fr";
		var curator = accounts.username("idp-a", "sub-c-" + run, staffEmail);
		grants.grant(curator, Role.CURATOR, "test");
		assertThat(accounts.username("idp-b", "sub-d-" + run, staffEmail)).isEqualTo("sub-d-" + run);
	}

	@Test
	void aFirstAdministratorIsBoundAtTheFirstSignInAndRevokedLikeAnyGrant() {
		var email = "premiere.admin-" + run + "@anct.gouv.fr";
		var bootstrap = new ProConnectAccounts(jdbc, clock, grants,
				new MockEnvironment().withProperty(ProConnectConfiguration.ADMINISTRATORS, " " + email.toUpperCase() + ", "));
		var admin = "sub-admin-" + run;

		assertThat(bootstrap.bind(admin, admin, email)).isTrue();
		assertThat(grants.inForce()).anySatisfy(grant -> {
			assertThat(grant.username()).isEqualTo(admin);
			assertThat(grant.role()).isEqualTo(Role.ADMINISTRATOR);
			assertThat(grant.grantedBy()).isEqualTo(ProConnectAccounts.GRANTED_BY);
		});
		// bound: the entry grants nothing more, to the same person or to an identity provider asserting the e-mail
		assertThat(bootstrap.bind(admin, admin, email)).isFalse();
		assertThat(bootstrap.bind("sub-other-" + run, "sub-other-" + run, email)).isFalse();

		assertThat(grants.revoke(admin, Role.ADMINISTRATOR, "une-autre-admin")).isTrue();
		assertThat(bootstrap.bind(admin, admin, email)).isFalse();
		assertThat(grants.inForce()).noneSatisfy(grant -> assertThat(grant.username()).isEqualTo(admin));
	}
}
