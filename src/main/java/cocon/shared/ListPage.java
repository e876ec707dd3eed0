package cocon.shared;

import java.util.List;

/**
 * One page of a public list of the API: the lists keep their JSON shape (an array) and say the rest in headers —
 * {@code X-Total-Count}, and {@code Link} with {@code next} and {@code prev} — so that existing clients still read
 * the first page. Pages count from 0; at most {@value #MAX_SIZE} items per page, {@value #DEFAULT_SIZE} by default.
 *
 * @param items the items of the page, in the list's stable order
 * @param total the number of items of the whole list
 */
public record ListPage<T>(List<T> items, int page, int size, long total) {

	public static final int DEFAULT_SIZE = 100;

	public static final int MAX_SIZE = 500;

	/** The message of a 400 for a page or size out of bounds. */
	public static final String BOUNDS = "La page commence à 0 et compte de 1 à " + MAX_SIZE + " éléments.";

	/** Whether a requested page and size are acceptable. */
	public static boolean valid(int page, int size) {
		return page >= 0 && size >= 1 && size <= MAX_SIZE;
	}

	/** The page of an already ordered list. */
	public static <T> ListPage<T> of(List<T> all, int page, int size) {
		if (!valid(page, size)) {
			throw new IllegalArgumentException(BOUNDS);
		}
		long from = (long) page * size;
		var items = from >= all.size() ? List.<T>of() : all.subList((int) from, (int) Math.min(all.size(), from + size));
		return new ListPage<>(List.copyOf(items), page, size, all.size());
	}

	/** The value of the {@code Link} header for a list at {@code path}, or {@literal null} when there is one page. */
	public String link(String path) {
		var links = new java.util.ArrayList<String>();
		if ((long) (page + 1) * size < total) {
			links.add("<" + path + "?page=" + (page + 1) + "&size=" + size + ">; rel=\"next\"");
		}
		if (page > 0) {
			links.add("<" + path + "?page=" + (page - 1) + "&size=" + size + ">; rel=\"prev\"");
		}
		return links.isEmpty() ? null : String.join(", ", links);
	}
}
