package cocon.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A step of the 2021 story, at its instant of 2021 (Paris time), as {@link ReplayPlan} draws it and {@link Replay}
 * sends it: proposals are named by their index in the story, contributions by their rank in the plan.
 */
sealed interface ReplayStep {

	LocalDateTime at();

	record Schedule(LocalDateTime at) implements ReplayStep {
	}

	/** The contribution of rank {@code rank} in the plan. */
	record Contribute(LocalDateTime at, int rank, Org by, String title, String need, String theme, String role,
			String function) implements ReplayStep {
	}

	record Propose(LocalDateTime at, int proposal, List<Integer> contributions) implements ReplayStep {
	}

	record Reorient(LocalDateTime at, int contribution, Consultation2021.Programme programme) implements ReplayStep {
	}

	record Reject(LocalDateTime at, int contribution, String reason) implements ReplayStep {
	}

	record Publish(LocalDateTime at, int proposal) implements ReplayStep {
	}

	record Support(LocalDateTime at, int proposal, Org by) implements ReplayStep {
	}

	record NameCommittee(LocalDateTime at) implements ReplayStep {
	}

	record DeclareConflict(LocalDateTime at, int proposal, String member, String reason) implements ReplayStep {
	}

	record Assess(LocalDateTime at, int proposal, String member, int level, String note) implements ReplayStep {
	}

	record DecideShortlist(LocalDateTime at, List<Integer> proposals, String member, String rationale)
			implements ReplayStep {
	}

	record Apply(LocalDateTime at, int proposal, Org org, String motivation) implements ReplayStep {
	}

	/** A needs workshop, held on {@code day} of 2021. */
	record Workshop(LocalDateTime at, int proposal, LocalDate day, String subject, List<String> attendees)
			implements ReplayStep {
	}

	record Milestone(String label, LocalDate due) {
	}

	record Fund(LocalDateTime at, int proposal, String member, String provider, String title, long budget,
			List<Milestone> milestones) implements ReplayStep {
	}
}
