package cocon.shared.wayfinding;

import org.jspecify.annotations.Nullable;

/**
 * One thing the signed-in person has to do now, or can follow, shown on "Mon espace".
 *
 * @param group the heading it is shown under (e.g. "Curation", "Ma collectivité"), in French
 * @param label what it is, in French, with its count if any ("12 contributions à trier")
 * @param href where it is done (a path of the application)
 * @param detail a second line (the campaign, a date), or null
 * @param urgent whether it waits for this person (a decision due, a queue to empty) rather than something to follow
 */
public record WorkItem(String group, String label, String href, @Nullable String detail, boolean urgent) {

	public WorkItem {
		if (group.isBlank() || label.isBlank() || !href.startsWith("/")) {
			throw new IllegalArgumentException("Un élément de « Mon espace » a une rubrique, un libellé et un lien.");
		}
	}
}
