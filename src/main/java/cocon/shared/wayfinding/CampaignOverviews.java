package cocon.shared.wayfinding;

import java.util.List;

/** Where every campaign stands (implemented by governance, which owns campaigns; read by the home page). */
public interface CampaignOverviews {

	/** Every campaign, the ones under way first. */
	List<CampaignOverview> all();
}
