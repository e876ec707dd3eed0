/**
 * Wayfinding: what each module offers to the pages that gather the whole service in one place, without the
 * platform or governance depending on the module. Each module implements these interfaces with a bean; the
 * platform ("Mon espace", home page) and governance (the campaign hub) collect every implementation.
 * <ul>
 * <li>{@link WorkItems}: what the signed-in person has to do now, or can follow, in this module;</li>
 * <li>{@link CampaignSections}: the key figures of a campaign and the links to the module's pages of it, with the
 * one primary action of the phase when the module owns it;</li>
 * <li>{@link CampaignOverviews}: where each campaign stands (governance), for the home page.</li>
 * </ul>
 * Labels are French, already pluralised by the module that knows the count (its message bundle).
 */
package cocon.shared.wayfinding;
