package cocon.referents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;

import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.Window;

/** A session of a working group held on a date, on a subject, attended by members of the group. */
class WorkingGroupSession implements AggregateRoot<WorkingGroupSession, WorkingGroupSession.SessionId> {

	record SessionId(UUID id) implements Identifier {
	}

	private final SessionId id;
	private final ProposalId proposalId;
	private final LocalDate heldOn;
	private final String subject;
	private final Set<Siren> attendees;
	private final String recordedBy;
	private final Instant recordedAt;

	WorkingGroupSession(SessionId id, ProposalId proposalId, LocalDate heldOn, String subject, Set<Siren> attendees,
			String recordedBy, Instant recordedAt) {
		this.id = id;
		this.proposalId = proposalId;
		this.heldOn = heldOn;
		this.subject = subject;
		this.attendees = Set.copyOf(attendees);
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	/**
	 * Records a session that was held: its attendees must all be members of the working group, and its date may
	 * not lie in the future.
	 */
	static WorkingGroupSession record(ReferentCall call, Set<Siren> members, LocalDate heldOn, String subject,
			Set<Siren> attendees, String by, Instant now) {
		if (call.isCancelled()) {
			throw new ReferentProblem.CallCancelled();
		}
		if (heldOn == null) {
			throw new ReferentProblem.InvalidSession("date", "La date de la séance est obligatoire.");
		}
		if (heldOn.isAfter(now.atZone(Window.PARIS).toLocalDate())) {
			throw new ReferentProblem.InvalidSession("date", "Une séance ne s'enregistre qu'une fois tenue : sa date ne peut pas être dans le futur.");
		}
		if (subject == null || subject.isBlank()) {
			throw new ReferentProblem.InvalidSession("subject", "L'objet de la séance est obligatoire.");
		}
		if (attendees == null || attendees.isEmpty()) {
			throw new ReferentProblem.InvalidSession("attendees", "Indiquez au moins un territoire présent.");
		}
		var strangers = attendees.stream().filter(siren -> !members.contains(siren)).map(Siren::value).sorted().toList();
		if (!strangers.isEmpty()) {
			throw new ReferentProblem.InvalidSession("attendees",
					"Ces SIREN ne sont pas membres du groupe de travail : " + String.join(", ", strangers) + ".");
		}
		return new WorkingGroupSession(new SessionId(UUID.randomUUID()), call.getId(), heldOn, subject.strip(),
				attendees, by, now);
	}

	@Override
	public SessionId getId() {
		return id;
	}

	ProposalId proposalId() {
		return proposalId;
	}

	LocalDate heldOn() {
		return heldOn;
	}

	String subject() {
		return subject;
	}

	Set<Siren> attendees() {
		return attendees;
	}

	String recordedBy() {
		return recordedBy;
	}

	Instant recordedAt() {
		return recordedAt;
	}
}
