package cocon.shared.wayfinding;

import java.util.List;

/** Where every campaign stands (implemented by governance, which owns campaigns; read by the home page). */
public interface CampaignOverviews {

	/** The campaigns to show on the home page, the ones under way first (a few: the campaign list has them all). */
	List<CampaignOverview> all();
}
