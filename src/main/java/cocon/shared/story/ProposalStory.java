package cocon.shared.story;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cocon.shared.ProposalId;

/**
 * What one module tells of the story of proposals (a bean per module, read-only, answered from the module's own
 * tables at the time of asking): curation the proposal itself, governance the shortlist and the funding,
 * referent-territories the working group, deployment the services and their adoptions (ADR 43).
 */
public interface ProposalStory {

	/**
	 * This module's steps for each of the given proposals, in one lookup; a proposal it knows nothing of is absent
	 * (or maps to an empty list).
	 */
	Map<ProposalId, List<StoryStep>> of(Collection<ProposalId> proposals);

	/** Every module's steps for each proposal, in the order of the story (a proposal with no step maps to none). */
	static Map<ProposalId, List<StoryStep>> told(Stream<ProposalStory> modules, Collection<ProposalId> proposals) {
		var told = new HashMap<ProposalId, List<StoryStep>>();
		if (proposals.isEmpty()) {
			return told;
		}
		modules.forEach(module -> module.of(proposals).forEach((proposal, steps) -> told
				.computeIfAbsent(proposal, key -> new ArrayList<>()).addAll(steps)));
		told.values().forEach(steps -> steps.sort(Comparator.comparingInt(StoryStep::order)));
		return told;
	}
}
