package cocon.governance;

import org.springframework.stereotype.Component;

import cocon.shared.Refusal;
import cocon.shared.identity.KnownIdentities;

/**
 * The API's check of a committee's members before the committee is replaced (issue 22): a name nobody signed in
 * with, or holding control characters, would take a member's seat and lock the named members out. The form has the
 * same check ({@link CommitteeMembershipPages}).
 */
@Component
class KnownCommitteeMembers {

	private final KnownIdentities identities;

	KnownCommitteeMembers(KnownIdentities identities) {
		this.identities = identities;
	}

	/** Adds an error for member {@code index} if its name or organisation is not acceptable. */
	void check(int index, CommitteeApi.MemberJson member, Refusal.Collector errors) {
		if (member == null || member.username() == null || member.username().isBlank()) {
			return; // Committee.Member says what is missing
		}
		var username = member.username().strip();
		if (hasControlCharacters(username) || hasControlCharacters(member.organisation())) {
			errors.add("members[" + index + "]", "L'identifiant et l'organisation ne peuvent contenir de caractères "
					+ "de contrôle (tabulation, retour à la ligne…).");
		}
		else if (!identities.isKnown(username)) {
			errors.add("members[" + index + "].username", "Aucune personne d'identifiant « " + username
					+ " » ne s'est connectée à Cocon : vérifiez l'identifiant.");
		}
	}

	private static boolean hasControlCharacters(String text) {
		return text != null && text.chars().anyMatch(Character::isISOControl);
	}
}
