package cocon.referents;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.ddd.types.AggregateRoot;

import cocon.referents.events.WorkingGroupFormed;
import cocon.shared.CampaignId;
import cocon.shared.ProposalId;
import cocon.shared.RegisteredEvents;

/**
 * The call for expressions of interest (AMI) of a shortlisted proposal, identified by the proposal. It opens
 * when the proposal is shortlisted (its working group forms then, once), and is cancelled when a corrected
 * shortlist no longer retains the proposal (and reopened if a later correction retains it again).
 */
class ReferentCall implements AggregateRoot<ReferentCall, ProposalId> {

	enum State {
		OPEN, CANCELLED
	}

	private final ProposalId proposalId;
	private final CampaignId campaignId;
	private String proposalTitle;
	private State state;
	private UUID decisionId;
	private final Instant openedAt;
	private Instant cancelledAt;
	private final Instant formedAt;
	private final long version;
	private final transient RegisteredEvents events = new RegisteredEvents();

	ReferentCall(ProposalId proposalId, CampaignId campaignId, String proposalTitle, State state, UUID decisionId,
			Instant openedAt, Instant cancelledAt, Instant formedAt, long version) {
		this.proposalId = proposalId;
		this.campaignId = campaignId;
		this.proposalTitle = proposalTitle;
		this.state = state;
		this.decisionId = decisionId;
		this.openedAt = openedAt;
		this.cancelledAt = cancelledAt;
		this.formedAt = formedAt;
		this.version = version;
	}

	/** Opens the call of a newly shortlisted proposal: its working group is formed. */
	static ReferentCall open(ProposalId proposalId, CampaignId campaignId, String title, UUID decisionId, Instant now) {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("Un appel à manifestation d'intérêt porte le titre de sa proposition.");
		}
		var call = new ReferentCall(proposalId, campaignId, title, State.OPEN, decisionId, now, null, now, -1);
		call.events.register(new WorkingGroupFormed(proposalId, campaignId, title, now));
		return call;
	}

	/** A corrected shortlist retains the proposal (again): the call is open, its working group already formed. */
	void retainedBy(UUID decision) {
		this.decisionId = decision;
		this.state = State.OPEN;
		this.cancelledAt = null;
	}

	/** A corrected shortlist no longer retains the proposal: the call is cancelled (members are kept, for the record). */
	void droppedBy(UUID decision, Instant now) {
		if (state == State.CANCELLED) {
			return;
		}
		this.decisionId = decision;
		this.state = State.CANCELLED;
		this.cancelledAt = now;
	}

	void retitle(String title) {
		if (title != null && !title.isBlank()) {
			this.proposalTitle = title;
		}
	}

	boolean isCancelled() {
		return state == State.CANCELLED;
	}

	boolean isNew() {
		return version < 0;
	}

	/** The events this aggregate registered, published by its repository when it is stored (ADR 0007, ADR 0021). */
	RegisteredEvents events() {
		return events;
	}

	@Override
	public ProposalId getId() {
		return proposalId;
	}

	CampaignId campaignId() {
		return campaignId;
	}

	String proposalTitle() {
		return proposalTitle;
	}

	State state() {
		return state;
	}

	UUID decisionId() {
		return decisionId;
	}

	Instant openedAt() {
		return openedAt;
	}

	Instant cancelledAt() {
		return cancelledAt;
	}

	Instant formedAt() {
		return formedAt;
	}

	long version() {
		return version;
	}
}
