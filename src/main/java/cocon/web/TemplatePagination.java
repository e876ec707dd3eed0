package cocon.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The one pagination of every list page (issue 25, point 7): templates build it with
 * {@code ${@pagination.of(page, totalPages, link)}} and hand it to {@code web/fragments :: pagination}, so that each
 * list offers the same DSFR links (previous, numbers with gaps, next) and keeps its filters in {@code link}.
 */
@Component("pagination")
public class TemplatePagination {

	/**
	 * A list numbered from 0.
	 *
	 * @param page the page shown, from 0
	 * @param link the list's address with its filters (and without its page), or ending with "page="
	 */
	public Pages of(int page, long totalPages, String link) {
		return of(page, totalPages, link, 0, "");
	}

	/**
	 * A list whose page parameter counts from {@code first} (1 for the committee's) and whose links go back to an
	 * anchor of the page (such as {@code #propositions}).
	 *
	 * @param page the page shown, counted from {@code first}
	 */
	public Pages of(int page, long totalPages, String link, int first, String anchor) {
		return new Pages(page - first, (int) totalPages, pageParameter(link), first, anchor == null ? "" : anchor);
	}

	private static String pageParameter(String link) {
		if (link.endsWith("page=")) {
			return link;
		}
		return link + (!link.contains("?") ? "?" : link.endsWith("?") || link.endsWith("&") ? "" : "&") + "page=";
	}

	/**
	 * @param page the page shown, from 0
	 * @param link the list's address with its filters, ending with "page="
	 */
	public record Pages(int page, int totalPages, String link, int first, String anchor) {

		public boolean hasPrevious() {
			return page > 0;
		}

		public boolean hasNext() {
			return page + 1 < totalPages;
		}

		/** The address of page {@code n} (from 0). */
		public String href(int n) {
			return link + (n + first) + anchor;
		}

		/** The page numbers (from 0) to offer: all of a few, otherwise the first, the last and those around, -1 a gap. */
		public List<Integer> numbers() {
			var numbers = new ArrayList<Integer>();
			for (int n = 0; n < totalPages; n++) {
				if (totalPages <= 7 || n == 0 || n == totalPages - 1 || Math.abs(n - page) <= 1) {
					numbers.add(n);
				}
				else if (numbers.isEmpty() || numbers.get(numbers.size() - 1) != -1) {
					numbers.add(-1);
				}
			}
			return numbers;
		}
	}
}
