package cocon.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import cocon.demo.ReplayStep.Assess;
import cocon.demo.ReplayStep.Contribute;
import cocon.demo.ReplayStep.DecideShortlist;
import cocon.demo.ReplayStep.DeclareConflict;
import cocon.demo.ReplayStep.Fund;
import cocon.demo.ReplayStep.Milestone;
import cocon.demo.ReplayStep.NameCommittee;
import cocon.demo.ReplayStep.Propose;
import cocon.demo.ReplayStep.Publish;
import cocon.demo.ReplayStep.Reject;
import cocon.demo.ReplayStep.Reorient;
import cocon.demo.ReplayStep.Schedule;
import cocon.demo.ReplayStep.Support;

/**
 * What happened in 2021, step by step, at instants of 2021: the story of {@link Consultation2021} played out on the
 * collectivités of the directory by a generator of fixed seed, so that two replays shifted by the same number of days
 * tell the same story. The plan holds no identifier of the application: a step names proposals by their index in
 * the story and contributions by their rank in the plan; {@link Replay} sends them through the API. The shift
 * matters only for the weekends: people rest on the weekends of the calendar they see.
 */
final class ReplayPlan {

	/** The collectivités the replay draws from. */
	record Directory(List<Org> communes, List<Org> epcis, List<Org> departements, List<Org> regions,
			List<Org> particulieres) {
	}

	private enum Fate {
		GROUPED, REORIENTED, REJECTED
	}

	private record Planned(Fate fate, int index, Org by, LocalDateTime at) {
	}

	private final Consultation2021 story;
	private final long shiftDays;
	private final Random random = new Random(2021);
	private final ContributionWriter writer;
	private final List<ReplayStep> steps = new ArrayList<>();
	/** The proposals shortlisted, in the order of the decision; the funded projects answer them in this order. */
	private final List<Integer> shortlisted = new ArrayList<>();

	private ReplayPlan(Consultation2021 story, long shiftDays) {
		this.story = story;
		this.shiftDays = shiftDays;
		this.writer = new ContributionWriter(story, random);
	}

	/** The whole story on these collectivités, for a calendar shifted by {@code shiftDays}, in the replay's order. */
	static ReplayPlan of(Consultation2021 story, Directory directory, long shiftDays) {
		var plan = new ReplayPlan(story, shiftDays);
		plan.make(directory);
		return plan;
	}

	List<ReplayStep> steps() {
		return steps;
	}

	List<Integer> shortlisted() {
		return shortlisted;
	}

	private void make(Directory directory) {
		var calendar = story.calendar();
		var contributions = contributions(directory);
		var supports = supports(directory);
		steps.add(new Schedule(calendar.scheduled()));
		write(contributions);
		curate(contributions);
		steps.addAll(supports);
		committee();
		shortlist(supports);
		steps.addAll(new ReferentsPlan(story, this).plan(shortlisted, supports, directory));
		fund();
	}

	// contributions ---------------------------------------------------------------------------------------------

	private List<Planned> contributions(Directory d) {
		var figures = story.figures();
		int needs = story.proposals().size();
		// every proposal gathers at least two contributions; the known shortlisted ones gather many
		var sizes = new int[needs];
		var weights = new double[needs];
		for (int i = 0; i < needs; i++) {
			sizes[i] = 2;
			weights[i] = story.knownShortlisted(i) ? 5 : 0.4 + 2.2 * random.nextDouble();
		}
		for (int left = figures.grouped() - 2 * needs; left > 0; left--) {
			sizes[pick(weights)]++;
		}
		var fates = new ArrayList<int[]>();
		for (int i = 0; i < needs; i++) {
			for (int k = 0; k < sizes[i]; k++) {
				fates.add(new int[] { Fate.GROUPED.ordinal(), i });
			}
		}
		for (int k = 0; k < figures.reoriented(); k++) {
			fates.add(new int[] { Fate.REORIENTED.ordinal(), k % story.reoriented().size() });
		}
		for (int k = 0; k < figures.rejected(); k++) {
			fates.add(new int[] { Fate.REJECTED.ordinal(), k });
		}
		Collections.shuffle(fates, random);
		var window = story.calendar().contributions();
		var times = spread(figures.contributions(), window.opens().toLocalDate(), window.closes().toLocalDate(), 7, 20);
		var planned = new ArrayList<Planned>();
		for (int i = 0; i < fates.size(); i++) {
			double kind = random.nextDouble();
			var by = kind < 0.68 ? any(d.communes())
					: kind < 0.81 ? any(d.epcis())
							: kind < 0.94 ? any(d.departements())
									: kind < 0.99 || d.particulieres().isEmpty() ? any(d.regions()) : any(d.particulieres());
			planned.add(new Planned(Fate.values()[fates.get(i)[0]], fates.get(i)[1], by, times.get(i)));
		}
		return planned;
	}

	private Org any(List<Org> orgs) {
		return orgs.get(random.nextInt(orgs.size()));
	}

	private void write(List<Planned> contributions) {
		for (int rank = 0; rank < contributions.size(); rank++) {
			var c = contributions.get(rank);
			var role = random.nextDouble();
			var authorRole = role < 0.3 ? "ELU" : role < 0.85 ? "AGENT" : "PARTENAIRE";
			String title;
			String need;
			String theme;
			switch (c.fate()) {
				case GROUPED -> {
					var proposal = story.proposals().get(c.index());
					title = writer.groupedTitle(proposal);
					need = writer.groupedNeed(proposal, c.by());
					theme = proposal.theme();
				}
				case REORIENTED -> {
					var programme = story.reoriented().get(c.index());
					title = programme.title();
					need = writer.reorientedNeed(programme, c.by());
					theme = programme.theme();
				}
				default -> {
					var ineligible = story.rejected().get(c.index());
					title = ineligible.title();
					need = writer.rejectedNeed(ineligible, c.by());
					theme = ineligible.theme();
				}
			}
			steps.add(new Contribute(c.at(), rank, c.by(), title, need, theme, authorRole,
					writer.function(authorRole, c.by())));
		}
	}

	// curation --------------------------------------------------------------------------------------------------

	private void curate(List<Planned> contributions) {
		int needs = story.proposals().size();
		var decisions = new ArrayList<java.util.function.Function<LocalDateTime, ReplayStep>>();
		for (int i = 0; i < needs; i++) {
			int proposal = i;
			var members = new ArrayList<Integer>();
			for (int rank = 0; rank < contributions.size(); rank++) {
				if (contributions.get(rank).fate() == Fate.GROUPED && contributions.get(rank).index() == proposal) {
					members.add(rank);
				}
			}
			decisions.add(at -> new Propose(at, proposal, List.copyOf(members)));
		}
		for (int rank = 0; rank < contributions.size(); rank++) {
			var c = contributions.get(rank);
			int contribution = rank;
			if (c.fate() == Fate.REORIENTED) {
				var programme = story.reoriented().get(c.index());
				decisions.add(at -> new Reorient(at, contribution, programme));
			}
			else if (c.fate() == Fate.REJECTED) {
				var reason = story.rejected().get(c.index()).reason();
				decisions.add(at -> new Reject(at, contribution, reason));
			}
		}
		Collections.shuffle(decisions, random);
		var days = story.steps().curation();
		var times = spread(decisions.size(), days.from(), days.to(), 9, 18);
		for (int i = 0; i < decisions.size(); i++) {
			steps.add(decisions.get(i).apply(times.get(i)));
		}
		var publication = story.steps().publication();
		var publications = spread(needs, publication.from(), publication.to(), 9, 17);
		for (int i = 0; i < needs; i++) {
			steps.add(new Publish(publications.get(i), i));
		}
	}

	// supports --------------------------------------------------------------------------------------------------

	private List<Support> supports(Directory d) {
		int needs = story.proposals().size();
		int total = story.figures().supports();
		var weights = new double[needs];
		for (int i = 0; i < needs; i++) {
			// the four proposals known to have been shortlisted were among the most supported
			weights[i] = story.knownShortlisted(i) ? 14 : Math.pow(random.nextDouble(), 2) * 6 + 0.3;
		}
		var supporters = new ArrayList<Org>();
		supporters.addAll(d.communes());
		supporters.addAll(d.departements());
		supporters.addAll(d.regions());
		supporters.addAll(d.particulieres());
		var given = new HashSet<String>();
		var pairs = new ArrayList<int[]>();
		for (int i = 0; i < needs; i++) { // every proposal has a supporter
			pairs.add(new int[] { i, random.nextInt(supporters.size()) });
			given.add(i + "/" + supporters.get(pairs.get(pairs.size() - 1)[1]).siren());
		}
		while (pairs.size() < total) {
			int need = pick(weights);
			int by = random.nextInt(supporters.size());
			if (given.add(need + "/" + supporters.get(by).siren())) {
				pairs.add(new int[] { need, by });
			}
		}
		Collections.shuffle(pairs, random);
		var window = story.calendar().supports();
		var times = spread(total, window.opens().toLocalDate(), window.closes().toLocalDate(), 8, 21);
		var planned = new ArrayList<Support>();
		for (int i = 0; i < total; i++) {
			planned.add(new Support(times.get(i), pairs.get(i)[0], supporters.get(pairs.get(i)[1])));
		}
		return planned;
	}

	// the committee ---------------------------------------------------------------------------------------------

	/** The proposal on which a member declared a conflict of interest. */
	int conflicted() {
		return story.proposalIndex(story.knownShortlist().get(story.conflict().knownShortlistIndex()));
	}

	private void committee() {
		var s = story.steps();
		steps.add(new NameCommittee(s.committeeNamed()));
		steps.add(new DeclareConflict(s.conflictDeclared(), conflicted(), story.conflict().member(),
				story.conflict().reason()));
		var assessments = new ArrayList<int[]>();
		var assessors = story.assessors();
		for (int a = 0; a < assessors.size(); a++) {
			for (int i = 0; i < story.proposals().size(); i++) {
				if (a == assessors.size() - 1 && i % 3 != 0) {
					continue; // the DINUM assessed the proposals closest to an existing product only
				}
				int level = story.knownShortlisted(i) ? 3 + random.nextInt(2) : 1 + random.nextInt(4);
				assessments.add(new int[] { a, i, level });
			}
		}
		var times = spread(assessments.size(), s.assessments().from(), s.assessments().to(), 9, 19);
		for (int i = 0; i < assessments.size(); i++) {
			var a = assessments.get(i);
			steps.add(new Assess(times.get(i), a[1], assessors.get(a[0]), a[2], story.maturityNotes().get(a[2] - 1)));
		}
	}

	private void shortlist(List<Support> supports) {
		int needs = story.proposals().size();
		var counts = new int[needs];
		supports.forEach(s -> counts[s.proposal()]++);
		story.knownShortlist().forEach(title -> shortlisted.add(story.proposalIndex(title)));
		var ranked = new ArrayList<Integer>();
		for (int i = 0; i < needs; i++) {
			ranked.add(i);
		}
		ranked.sort(Comparator.comparingInt((Integer i) -> counts[i]).reversed());
		for (int i : ranked) {
			if (shortlisted.size() < story.figures().shortlisted() && !shortlisted.contains(i)) {
				shortlisted.add(i);
			}
		}
		steps.add(new DecideShortlist(story.steps().shortlistAt(), List.copyOf(shortlisted), story.shortlist().member(),
				story.shortlist().rationale()));
	}

	// funding ---------------------------------------------------------------------------------------------------

	private void fund() {
		int funded = story.figures().funded();
		int groups = shortlisted.size();
		var raw = new ArrayList<Long>();
		for (int i = 0; i < funded; i++) {
			raw.add(300_000L + random.nextInt(80) * 10_000L);
		}
		double scale = (double) story.figures().fundedEuros() / raw.stream().mapToLong(Long::longValue).sum();
		var day = story.calendar().fundingDecision();
		var times = spread(funded, day, day, 10, 17);
		int conflicted = conflicted();
		int n = 0;
		for (int g = 0; g < groups; g++) {
			int proposal = shortlisted.get(g);
			int projects = g < funded - 2 * groups ? 3 : 2;
			for (int k = 0; k < projects; k++, n++) {
				long budget = Math.round(raw.get(n) * scale / 10_000) * 10_000;
				var member = "committee" + (1 + n % 5);
				if (proposal == conflicted && member.equals(story.conflict().member())) {
					member = story.shortlist().member(); // a member with a declared conflict takes no part
				}
				var milestones = new ArrayList<Milestone>();
				var due = story.steps().firstMilestoneDue().plusDays(random.nextInt(30));
				for (var label : story.milestones().subList(0, 3 + random.nextInt(2))) {
					milestones.add(new Milestone(label, due));
					due = due.plusMonths(3).plusDays(random.nextInt(20));
				}
				steps.add(new Fund(times.get(n), proposal,
						member, story.providers().get((n * 7) % story.providers().size()),
						story.projectKinds().get(k) + " — " + story.proposals().get(proposal).title(), budget,
						List.copyOf(milestones)));
			}
		}
	}

	// the generator ---------------------------------------------------------------------------------------------

	Random random() {
		return random;
	}

	int pick(double[] weights) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double r = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/**
	 * {@code n} instants between two days, sorted, shaped like real participation: many at the opening, a steady
	 * flow, a rush before the close, fewer on (shifted) weekends, within office hours (élus also in the evening).
	 */
	List<LocalDateTime> spread(int n, LocalDate first, LocalDate last, int fromHour, int toHour) {
		int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
		var weights = new double[days];
		for (int d = 0; d < days; d++) {
			var day = first.plusDays(d);
			weights[d] = (1 + 2.5 * Math.exp(-d / 3.0) + 3 * Math.exp(-(days - 1 - d) / 2.5)) * (weekend(day) ? 0.3 : 1);
		}
		var times = new ArrayList<LocalDateTime>();
		for (int i = 0; i < n; i++) {
			var day = first.plusDays(pick(weights));
			int minutes = fromHour * 60 + random.nextInt((toHour - fromHour) * 60);
			times.add(LocalDateTime.of(day, LocalTime.of(minutes / 60, minutes % 60, random.nextInt(60))));
		}
		Collections.sort(times);
		return times;
	}

	/**
	 * Whether the day of 2021 falls on a weekend once shifted: the shift is in whole days, not weeks (so that today is
	 * the moment's day), and people rest on the weekends of the calendar they see.
	 */
	boolean weekend(LocalDate in2021) {
		var day = in2021.plusDays(shiftDays).getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}
}
