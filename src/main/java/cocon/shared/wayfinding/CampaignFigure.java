package cocon.shared.wayfinding;

/**
 * A key figure of a campaign, shown on its hub page and on its card.
 *
 * @param order where it comes among the figures of every module (the campaign's story: contributions, proposals,
 *     supports, decisions)
 * @param value the number
 * @param label what it counts, in French, agreeing with the number ("propositions publiées")
 */
public record CampaignFigure(int order, long value, String label) {
}
