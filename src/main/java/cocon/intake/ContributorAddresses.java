package cocon.intake;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.ContributionId;
import cocon.shared.identity.ContributionAuthors;

/**
 * The author of a contribution and their address, for the mail of the notifications module that tells them its
 * outcome (ADR 41): the address stays in intake until that mail is written, and is gone once the author is erased.
 */
@Component
class ContributorAddresses implements ContributionAuthors {

	private final JdbcClient jdbc;

	ContributorAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Author> authorOf(ContributionId contribution) {
		return jdbc.sql("""
				select author_username, author_name, author_email, title from intake.contribution
				where id = ? and author_email is not null and btrim(author_email) <> ''""")
				.param(contribution.id())
				.query((rs, row) -> new Author(rs.getString("author_username"), rs.getString("author_name"),
						rs.getString("author_email").strip(), rs.getString("title")))
				.optional();
	}
}
