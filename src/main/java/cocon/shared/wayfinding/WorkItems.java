package cocon.shared.wayfinding;

import java.util.List;

import cocon.shared.identity.CurrentUser;

/** What one module asks of, or reports to, the signed-in person now (a bean per module; "Mon espace" lists them all). */
public interface WorkItems {

	/** The items of this module for that person, urgent ones first; empty when the module has nothing for them. */
	List<WorkItem> of(CurrentUser user);
}
