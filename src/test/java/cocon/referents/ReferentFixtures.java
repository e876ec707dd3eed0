package cocon.referents;

import java.time.Instant;
import java.time.LocalDate;
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

/** Test data of the 2021 consultation: calendar, campaigns, shortlists, and fresh valid SIRENs. */
final class ReferentFixtures {

	/** Inside the referent applications window of {@link #calendar()}. */
	static final Instant DURING_APPLICATIONS = Instant.parse("2021-05-10T10:00:00Z");
	static final Instant AFTER_APPLICATIONS = Instant.parse("2021-06-16T08:00:00Z");
	static final Instant SHORTLIST_DAY = Instant.parse("2021-05-03T16:00:00Z");

	private ReferentFixtures() {
	}

	static CampaignCalendar calendar() {
		return new CampaignCalendar(
				Window.of(OffsetDateTime.parse("2021-01-25T00:00:00+01:00"), OffsetDateTime.parse("2021-03-15T23:59:59+01:00")),
				Window.of(OffsetDateTime.parse("2021-04-01T00:00:00+02:00"), OffsetDateTime.parse("2021-04-30T23:59:59+02:00")),
				Window.of(OffsetDateTime.parse("2021-05-03T00:00:00+02:00"), OffsetDateTime.parse("2021-06-15T23:59:59+02:00")),
				LocalDate.parse("2021-05-03"), LocalDate.parse("2021-07-05"));
	}

	static CampaignScheduled campaign(CampaignId id, Set<CollectiviteKind> workingGroupKinds) {
		return new CampaignScheduled(id, "Coconstruction de services numériques 2021", List.of("Mobilités", "Énergie"),
				Set.of(CollectiviteKind.COMMUNE, CollectiviteKind.DEPARTEMENT, CollectiviteKind.REGION), workingGroupKinds,
				calendar(), 30_000_000, Instant.parse("2021-01-10T09:00:00Z"));
	}

	static CampaignScheduled campaign(CampaignId id) {
		return campaign(id, Set.of(CollectiviteKind.COMMUNE, CollectiviteKind.DEPARTEMENT, CollectiviteKind.REGION,
				CollectiviteKind.COLLECTIVITE_PARTICULIERE));
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
