package cocon.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import cocon.demo.ReplayStep.Apply;
import cocon.demo.ReplayStep.Assess;
import cocon.demo.ReplayStep.Contribute;
import cocon.demo.ReplayStep.DecideShortlist;
import cocon.demo.ReplayStep.DeclareConflict;
import cocon.demo.ReplayStep.Fund;
import cocon.demo.ReplayStep.NameCommittee;
import cocon.demo.ReplayStep.Propose;
import cocon.demo.ReplayStep.Publish;
import cocon.demo.ReplayStep.Reject;
import cocon.demo.ReplayStep.Reorient;
import cocon.demo.ReplayStep.Schedule;
import cocon.demo.ReplayStep.Support;
import cocon.demo.ReplayStep.Workshop;
import cocon.shared.FrenchNumbers;

/**
 * Where the seconds of a replay went, phase by phase, for its log line (issue 26: the living demo ready sooner is
 * measured from it): the time passes to the phase entered last, waits for the other modules included.
 */
final class ReplayTimings {

	private final Map<String, Long> nanos = new LinkedHashMap<>();
	private String current;
	private long since = System.nanoTime();

	/** From now on the time counts for this phase. */
	synchronized void enter(String phase) {
		long now = System.nanoTime();
		if (current != null) {
			nanos.merge(current, now - since, Long::sum);
		}
		current = phase;
		since = now;
	}

	private static final Map<Class<?>, String> PHASES = Map.ofEntries(Map.entry(Schedule.class, "campagne"),
			Map.entry(Contribute.class, "contributions"), Map.entry(Propose.class, "curation"),
			Map.entry(Reorient.class, "curation"), Map.entry(Reject.class, "curation"),
			Map.entry(Publish.class, "publication"), Map.entry(Support.class, "soutiens"),
			Map.entry(NameCommittee.class, "comité"), Map.entry(DeclareConflict.class, "comité"),
			Map.entry(Assess.class, "comité"), Map.entry(DecideShortlist.class, "présélection"),
			Map.entry(Apply.class, "territoires référents"), Map.entry(Workshop.class, "territoires référents"),
			Map.entry(Fund.class, "financement"));

	/** The phase a step belongs to. */
	static String phaseOf(ReplayStep step) {
		return PHASES.getOrDefault(step.getClass(), step.getClass().getSimpleName());
	}

	/** « annuaire 1 204 ms, campagne 35 ms, … », the phase under way included. */
	synchronized String summary() {
		enter(current);
		return nanos.entrySet().stream()
				.map(phase -> phase.getKey() + " " + FrenchNumbers.integer(phase.getValue() / 1_000_000) + " ms")
				.collect(Collectors.joining(", "));
	}
}
