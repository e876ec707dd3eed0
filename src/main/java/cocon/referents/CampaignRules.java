package cocon.referents;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.jmolecules.ddd.annotation.ValueObject;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.Window;

/**
 * What this module knows of a campaign (its own copy, from governance's events): the window in which
 * collectivités apply as referent territories, and the kinds of collectivité allowed in working groups.
 */
@ValueObject
record CampaignRules(CampaignId campaignId, String title, Window applications, Set<CollectiviteKind> workingGroupKinds) {

	/** Without word from the campaign: collectivités territoriales only. */
	static final Set<CollectiviteKind> DEFAULT_KINDS = Set.copyOf(EnumSet.of(CollectiviteKind.COMMUNE,
			CollectiviteKind.DEPARTEMENT, CollectiviteKind.REGION, CollectiviteKind.COLLECTIVITE_PARTICULIERE));

	CampaignRules {
		if (campaignId == null || applications == null) {
			throw new IllegalArgumentException("Une campagne a un identifiant et une période de candidature.");
		}
		workingGroupKinds = workingGroupKinds == null || workingGroupKinds.isEmpty() ? DEFAULT_KINDS
				: Set.copyOf(workingGroupKinds);
	}

	boolean admits(CollectiviteKind kind) {
		return workingGroupKinds.contains(kind);
	}

	boolean acceptsApplicationsAt(Instant now) {
		return applications.contains(now);
	}
}
