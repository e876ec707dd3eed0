package cocon.shared.identity;

import java.util.List;

import cocon.shared.CampaignId;

/**
 * What each member of a campaign's current committee still has to assess, asked by the notifications the day before
 * a decision day (issue 24, ADR 51). Governance, which names the committees and keeps the assessments, answers it. A
 * question at the reminder's instant rather than an event: the counts are those of that moment, and who sits on a
 * committee is no fact for the event archive, kept for ever (ADR 13, ADR 41), as {@link CommitteeSeats} already says.
 */
public interface CommitteeAgenda {

	/**
	 * A member and their work left.
	 *
	 * @param username the member's user name (their key to the notifications)
	 * @param toAssess published proposals they have neither assessed nor declared a conflict of interest on
	 * @param proposals the campaign's published proposals
	 */
	record Member(String username, int toAssess, int proposals) {
	}

	/** The members of the campaign's current committee, none while it has not been named. */
	List<Member> members(CampaignId campaign);
}
