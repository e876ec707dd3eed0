package cocon.shared.identity;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cocon.shared.ContributionId;

/**
 * Who wrote a contribution, with their address, for the one mail that tells them what became of it. Intake, which
 * keeps the contributors' personal data, answers it; the notifications module asks it when it writes the mail (ADR
 * 41), because the curation events that decide an outcome carry no person (ADR 13).
 */
public interface ContributionAuthors {

	/** The author of the contribution, when known with an address (not erased). */
	Optional<Author> authorOf(ContributionId contribution);

	/**
	 * @param username the account of the author, or null for a contribution imported from a file
	 * @param name the author's name, or null
	 * @param email the author's address
	 * @param title the contribution's title, which the mail names
	 */
	record Author(@Nullable String username, @Nullable String name, String email, String title) {
	}
}
