package cocon.referents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cocon.governance.events.CampaignScheduled;
import cocon.governance.events.ProposalsShortlisted;
import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Window;
import cocon.testing.Campaign2021;

/** Test data of the 2021 consultation: calendar, campaigns, shortlists, and fresh valid SIRENs. */
final class ReferentFixtures {

	/** Inside the referent applications window of {@link #calendar()}. */
	static final Instant DURING_APPLICATIONS = Instant.parse("2021-05-10T10:00:00Z");
	static final Instant AFTER_APPLICATIONS = Instant.parse("2021-06-16T08:00:00Z");
	static final Instant SHORTLIST_DAY = Instant.parse("2021-05-03T16:00:00Z");

	private ReferentFixtures() {
	}

	/** The 2021 calendar with this module's referent applications window: 3 May – 15 June 2021. */
	static CampaignCalendar calendar() {
		return Campaign2021.campaign().withReferentApplications(Window.of(
				OffsetDateTime.parse("2021-05-03T00:00:00+02:00"), OffsetDateTime.parse("2021-06-15T23:59:59+02:00")))
				.calendar();
	}

	static Campaign2021 campaign2021(CampaignId id, Set<CollectiviteKind> workingGroupKinds) {
		return Campaign2021.campaign().withId(id).withThemes(List.of("Mobilités", "Énergie"))
				.withSupportKinds(Set.of(CollectiviteKind.COMMUNE, CollectiviteKind.DEPARTEMENT, CollectiviteKind.REGION))
				.withWorkingGroupKinds(workingGroupKinds).withCalendar(calendar());
	}

	static CampaignScheduled campaign(CampaignId id, Set<CollectiviteKind> workingGroupKinds) {
		return campaign2021(id, workingGroupKinds).scheduled();
	}

	static CampaignScheduled campaign(CampaignId id) {
		return campaign(id, Campaign2021.COLLECTIVITES_TERRITORIALES);
	}

	static ProposalsShortlisted shortlist(CampaignId campaign, UUID supersedes, Instant decidedAt, ProposalId... proposals) {
		return new ProposalsShortlisted(UUID.randomUUID(), campaign,
				java.util.Arrays.stream(proposals)
						.map(p -> new ProposalsShortlisted.ShortlistedProposal(p, "Proposition " + p.id().toString().substring(0, 8)))
						.toList(),
				"Retenues pour leur soutien et leur maturité", supersedes, decidedAt);
	}

	static ProposalsShortlisted shortlist(CampaignId campaign, ProposalId... proposals) {
		return shortlist(campaign, null, SHORTLIST_DAY, proposals);
	}

	/** A fresh, Luhn-valid SIREN (starting with 2, like a commune's), unique enough for a shared database. */
	static String siren() {
		var digits = new StringBuilder("2");
		for (int i = 0; i < 7; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		for (int check = 0; check < 10; check++) {
			var candidate = digits.toString() + check;
			if (cocon.shared.Siren.isValid(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException();
	}
}
