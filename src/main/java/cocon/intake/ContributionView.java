package cocon.intake;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cocon.shared.Window;

/** A contribution as the API shows it to its author and to the staff. */
record ContributionView(UUID id, UUID campaignId, String title, String need, String theme, String authorRole,
		String authorFunction, AuthorView author, OrganisationView organisation, OffsetDateTime submittedAt,
		String source, OutcomeView outcome, List<OutcomeView> history, OffsetDateTime revisedAt) {

	record AuthorView(String name, String email) {
	}

	record OrganisationView(String siren, String name, String kind) {
	}

	record OutcomeView(String status, String label, UUID proposalId, String proposalTitle, String target, String note,
			String reason, String decidedBy, OffsetDateTime decidedAt) {

		static OutcomeView of(Outcome outcome, String decidedBy, Instant decidedAt) {
			return new OutcomeView(outcome.status().name(), outcome.status().label(),
					outcome instanceof Outcome.Grouped g ? g.proposalId().id() : null,
					outcome instanceof Outcome.Grouped g ? g.proposalTitle() : null,
					outcome instanceof Outcome.Reoriented r ? r.target() : null,
					outcome instanceof Outcome.Reoriented r ? r.note() : null,
					outcome instanceof Outcome.Rejected r ? r.reason() : null, decidedBy, paris(decidedAt));
		}
	}

	/** The curators' user names are shown to the staff only. */
	static ContributionView of(Contribution c, List<Contributions.Decision> history, boolean staff) {
		return new ContributionView(c.getId().id(), c.campaignId().id(), c.title(), c.need(), c.theme(),
				c.authorRole().name(), c.authorFunction(), new AuthorView(c.author().name(), c.author().email()),
				new OrganisationView(c.organisation().siren().value(), c.organisation().name(), c.organisation().kind().name()),
				paris(c.submittedAt()), c.source().name(),
				OutcomeView.of(c.outcome(), staff ? c.decidedBy() : null, c.decidedAt()),
				history.stream().map(d -> OutcomeView.of(d.outcome(), staff ? d.decidedBy() : null, d.decidedAt())).toList(),
				paris(c.revisedAt()));
	}

	static OffsetDateTime paris(Instant instant) {
		if (instant == null) {
			return null;
		}
		ZoneOffset offset = Window.PARIS.getRules().getOffset(instant);
		return instant.atOffset(offset);
	}
}
