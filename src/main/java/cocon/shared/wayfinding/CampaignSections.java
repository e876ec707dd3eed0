package cocon.shared.wayfinding;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cocon.shared.CampaignCalendar;
import cocon.shared.CampaignId;
import cocon.shared.identity.CurrentUser;

/** What one module brings to a campaign's hub page: its figures and its pages of that campaign. */
public interface CampaignSections {

	/** The module's key figures of the campaign (empty when it knows nothing of it yet). */
	List<CampaignFigure> figures(CampaignId campaign);

	/**
	 * The module's pages of the campaign for that person (null when anonymous) in that phase; at most one marked
	 * primary, only when the phase calls for it and the person may do it.
	 */
	List<CampaignLink> links(CampaignId campaign, CampaignCalendar.Phase phase, @Nullable CurrentUser user);
}
