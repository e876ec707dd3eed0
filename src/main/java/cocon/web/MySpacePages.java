package cocon.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cocon.shared.identity.CurrentUser;
import cocon.shared.wayfinding.WorkItem;
import cocon.shared.wayfinding.WorkItems;

/**
 * "Mon espace": what needs doing now for the signed-in person, whatever their role, gathered from every module's
 * {@link WorkItems} (the platform knows no module: each says what it asks of this person).
 */
@Controller
class MySpacePages {

	/** The items of one heading of "À suivre". */
	record Group(String title, String anchor, List<WorkItem> items) {
	}

	private final ObjectProvider<WorkItems> modules;

	MySpacePages(ObjectProvider<WorkItems> modules) {
		this.modules = modules;
	}

	@GetMapping("/mon-espace")
	String mySpace(CurrentUser user, Model model) {
		var items = modules.orderedStream().flatMap(m -> m.of(user).stream()).toList();
		var urgent = items.stream().filter(WorkItem::urgent).toList();
		var groups = new LinkedHashMap<String, List<WorkItem>>();
		for (var item : items) {
			if (!item.urgent()) {
				groups.computeIfAbsent(item.group(), key -> new ArrayList<>()).add(item);
			}
		}
		model.addAttribute("user", user);
		model.addAttribute("urgent", urgent);
		model.addAttribute("groups", groups.entrySet().stream()
				.map(e -> new Group(e.getKey(), anchor(e.getKey()), e.getValue())).toList());
		return "web/my-space";
	}

	/** A heading as an id for links from the menu ("Curation" → {@code curation}). */
	static String anchor(String title) {
		return java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
				.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}
}
