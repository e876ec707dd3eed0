package cocon.directory;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cocon.shared.CollectiviteKind;

/** The public page of the directory: search the collectivités by name, INSEE code or SIREN. */
@Controller
class DirectoryPages {

	static final int PAGE_SIZE = 20;

	private final DirectoryQueries queries;

	DirectoryPages(DirectoryQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/collectivites")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) CollectiviteKind kind,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String query = q == null ? "" : q.strip();
		if (query.length() > DirectoryApi.MAX_QUERY_LENGTH) {
			query = query.substring(0, DirectoryApi.MAX_QUERY_LENGTH);
		}
		model.addAttribute("q", query);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", kinds());
		model.addAttribute("results", queries.search(query, kind, Math.max(page, 0), PAGE_SIZE));
		return "directory/search";
	}

	/** The kinds the directory holds (every one but {@link CollectiviteKind#OTHER}). */
	static List<CollectiviteKind> kinds() {
		return Arrays.stream(CollectiviteKind.values()).filter(kind -> kind != CollectiviteKind.OTHER).toList();
	}
}
