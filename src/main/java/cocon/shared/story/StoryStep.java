package cocon.shared.story;

import org.jspecify.annotations.Nullable;

/**
 * One step a proposal reached on its way from a need to its use, told by the module that knows it. A step exists only
 * once it happened (a committee that has not decided yet tells nothing).
 *
 * @param order where it comes in the story (the constants below; a module adds a small offset to order several steps
 *     of its own, one per service for instance)
 * @param key what kind of step it is, stable for tests and styles (« proposition », « preselection », …)
 * @param label what happened, in French, a full sentence (« Présélectionnée par le comité le 3 mai 2021. »)
 * @param detail a second line (a budget, a phase, a count), or null
 * @param href the page where it is shown (a path of the application), or null
 * @param stop whether the story stops here (not shortlisted, a service stopped): the page says so instead of hinting
 *     that more is to come
 */
public record StoryStep(int order, String key, String label, @Nullable String detail, @Nullable String href,
		boolean stop) {

	public static final int PROPOSAL = 100;
	public static final int SHORTLIST = 200;
	public static final int WORKING_GROUP = 300;
	public static final int FUNDING = 400;
	public static final int SERVICE = 500;

	public StoryStep {
		if (key == null || key.isBlank() || label == null || label.isBlank()) {
			throw new IllegalArgumentException("Une étape du parcours d'une proposition a une nature et un libellé.");
		}
		if (href != null && !href.startsWith("/")) {
			throw new IllegalArgumentException("Le lien d'une étape est un chemin de l'application.");
		}
	}

	/** A step that goes on (the usual case). */
	public static StoryStep of(int order, String key, String label, @Nullable String detail, @Nullable String href) {
		return new StoryStep(order, key, label, detail, href, false);
	}
}
