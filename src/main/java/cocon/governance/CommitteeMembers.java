package cocon.governance;

import java.util.List;

import org.springframework.stereotype.Component;

import cocon.shared.identity.KnownIdentities;

/**
 * The committee's members as its own pages name them: by the name identity knows them by (« Anne Lefèvre »), with
 * the organisation they represent, never by their user name alone (issue 25, point 4). The public pages keep naming
 * them by organisation only (ADR 12).
 */
@Component
class CommitteeMembers {

	/** A member as the committee's pages show them. */
	record Shown(String username, String name, String organisation) {

		/**
		 * « Anne Lefèvre (AMF) »: the name, then the organisation the member represents on this committee, in place of
		 * the one a name may already carry in parentheses (identity's name says where the person works, the seat whom
		 * they represent here).
		 */
		public String label() {
			var bare = name.endsWith(")") && name.lastIndexOf(" (") > 0 ? name.substring(0, name.lastIndexOf(" (")) : name;
			return bare + " (" + organisation + ")";
		}
	}

	private final KnownIdentities identities;

	CommitteeMembers(KnownIdentities identities) {
		this.identities = identities;
	}

	List<Shown> of(List<Committee.Member> members) {
		return members.stream().map(this::shown).toList();
	}

	Shown shown(Committee.Member member) {
		var name = identities.displayName(member.username()).filter(n -> !n.isBlank())
				.orElse(member.username());
		return new Shown(member.username(), name, member.organisation());
	}

	/** The names of these user names, in their order (the members in conflict on a proposal, say). */
	List<String> names(List<Committee.Member> members, List<String> usernames) {
		return usernames.stream().map(u -> members.stream().filter(m -> m.username().equals(u)).findFirst()
				.map(m -> shown(m).label()).orElse(u)).toList();
	}
}
