package cocon.governance;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;

import cocon.shared.CampaignId;

/**
 * One naming of a campaign's steering committee by an administrator. Namings are kept: the latest is the
 * current committee, the earlier ones its history.
 */
class Committee implements AggregateRoot<Committee, Committee.AppointmentId> {

	record AppointmentId(UUID id) implements Identifier {
	}

	/** A member and the organisation they represent (AMF, ADF, DINUM, …). */
	record Member(String username, String organisation) {

		Member {
			if (username == null || username.isBlank()) {
				throw new IllegalArgumentException("Chaque membre a un identifiant d'utilisateur.");
			}
			if (organisation == null || organisation.isBlank()) {
				throw new IllegalArgumentException("Indiquez l'organisation que représente « " + username.strip() + " ».");
			}
			username = username.strip();
			organisation = organisation.strip();
			if (username.length() > 255) {
				throw new IllegalArgumentException("Un identifiant d'utilisateur compte au plus 255 caractères.");
			}
			if (organisation.length() > 200) {
				throw new IllegalArgumentException("Le nom de l'organisation compte au plus 200 caractères.");
			}
		}
	}

	private final AppointmentId id;
	private final CampaignId campaignId;
	private final List<Member> members;
	private final String appointedBy;
	private final Instant appointedAt;

	Committee(AppointmentId id, CampaignId campaignId, List<Member> members, String appointedBy, Instant appointedAt) {
		if (members == null || members.isEmpty()) {
			throw new IllegalArgumentException("Le comité compte au moins un membre.");
		}
		var seen = new HashSet<String>();
		for (var member : members) {
			if (!seen.add(member.username())) {
				throw new IllegalArgumentException("« " + member.username() + " » figure deux fois dans le comité.");
			}
		}
		this.id = id;
		this.campaignId = campaignId;
		this.members = List.copyOf(members);
		this.appointedBy = appointedBy;
		this.appointedAt = appointedAt;
	}

	static Committee appoint(CampaignId campaign, List<Member> members, String by, Instant now) {
		return new Committee(new AppointmentId(UUID.randomUUID()), campaign, members, by, now);
	}

	boolean includes(String username) {
		return members.stream().anyMatch(m -> m.username().equals(username));
	}

	@Override
	public AppointmentId getId() {
		return id;
	}

	CampaignId campaignId() {
		return campaignId;
	}

	List<Member> members() {
		return members;
	}

	String appointedBy() {
		return appointedBy;
	}

	Instant appointedAt() {
		return appointedAt;
	}
}
