package cocon.shared.wayfinding;

import org.jspecify.annotations.Nullable;

/**
 * A page of a campaign offered on its hub.
 *
 * @param order where it comes among the links of every module
 * @param label the link's text, in French
 * @param href the path of the page
 * @param description one sentence on what is there, or null
 * @param primary whether it is the action of the current phase for this person (the hub shows one such button)
 */
public record CampaignLink(int order, String label, String href, @Nullable String description, boolean primary) {
}
