package cocon.shared.opendata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cocon.shared.CampaignId;

/**
 * The campaigns whose data are published, as the module that owns campaigns (governance) lists them for the
 * catalogue pages of the platform.
 */
public interface OpenDataCampaigns {

	/** A published campaign: its title, description and when it was created. */
	record PublishedCampaign(CampaignId id, String title, String description, Instant createdAt) {
	}

	/** Every campaign, the most recent first. */
	List<PublishedCampaign> campaigns();

	Optional<PublishedCampaign> campaign(CampaignId id);
}
