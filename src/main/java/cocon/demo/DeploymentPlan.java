package cocon.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cocon.demo.ReplayPlan.Directory;
import cocon.demo.ReplayStep.Fund;

/**
 * What became of the 44 funded services from July 2021 to the day of 2023 the moment {@code deploiement} stands for:
 * an administrator names each team, the team records its milestones (done, replanned or late), its phases and the
 * budget paid by tranche; staff mark experimentation territories among the referent territories, who report back;
 * collectivités declare their adoptions, the referent territories first, then their neighbours (same département),
 * then others, a few giving up. Drawn by a generator of its own seed, so that the earlier moments keep exactly their
 * content. Services are named by the title of their funded project; steps come sorted by instant.
 */
final class DeploymentPlan {

	/** A step of the deployment, at its instant of the story. */
	sealed interface Act {
		LocalDateTime at();

		/** The funded project's title: the service it changes. */
		String service();
	}

	record NameTeam(LocalDateTime at, String service, String username) implements Act {
	}

	record AddMilestone(LocalDateTime at, String service, int index, String title, LocalDate due) implements Act {
	}

	record MilestoneDone(LocalDateTime at, String service, int index, LocalDate on) implements Act {
	}

	record Replan(LocalDateTime at, String service, int index, LocalDate due, String reason) implements Act {
	}

	record MarkExperimentation(LocalDateTime at, String service, int proposal, Org org) implements Act {
	}

	record ChangePhase(LocalDateTime at, String service, String phase, String reason) implements Act {
	}

	record PayTranche(LocalDateTime at, String service, long amount, String label) implements Act {
	}

	record SetLinks(LocalDateTime at, String service, String site, String documentation, String source)
			implements Act {
	}

	record GiveFeedback(LocalDateTime at, String service, Org org, int satisfaction, boolean wouldAdopt, String text,
			boolean published) implements Act {
	}

	record Adopt(LocalDateTime at, String service, Org org, String status, String note) implements Act {
	}

	private static final LocalTime TEN = LocalTime.of(10, 0);

	private final Consultation2021 story;
	private final Consultation2021.Deployment2023 deployment;
	private final LocalDate last;
	private final Random random = new Random(2023);
	private final List<Act> acts = new ArrayList<>();

	private DeploymentPlan(Consultation2021 story, LocalDate day) {
		this.story = story;
		this.deployment = story.deployment();
		this.last = day.minusDays(1);
	}

	/** The plan up to the day before {@code day}, for these funded projects and working groups. */
	static List<Act> of(Consultation2021 story, LocalDate day, List<Fund> funded, Map<Integer, List<Org>> groups,
			Directory directory) {
		var plan = new DeploymentPlan(story, day);
		plan.make(funded, groups, directory);
		plan.acts.sort(Comparator.comparing(Act::at));
		return plan.acts;
	}

	private void make(List<Fund> funded, Map<Integer, List<Org>> groups, Directory directory) {
		var marked = new HashSet<Integer>();
		var phases = phases(funded.size());
		var candidates = new ArrayList<Org>();
		candidates.addAll(directory.communes());
		candidates.addAll(directory.epcis());
		candidates.addAll(directory.departements());
		for (int n = 0; n < funded.size(); n++) {
			var project = funded.get(n);
			var group = groups.getOrDefault(project.proposal(), List.of());
			var territories = group.subList(0, Math.min(group.size(), 2 + project.proposal() % 3));
			if (marked.add(project.proposal())) {
				for (int k = 0; k < territories.size(); k++) {
					acts.add(new MarkExperimentation(deployment.territoriesMarked().plusMinutes(3L * n + k), project.title(),
							project.proposal(), territories.get(k)));
				}
			}
			service(n, project, phases.get(n), group, territories, candidates);
		}
	}

	/** The final phase of each service: as many as the story says, spread over the proposals. */
	private List<String> phases(int services) {
		var p = deployment.phases();
		var phases = new ArrayList<String>();
		phases.addAll(Collections.nCopies(p.construction(), "EN_CONSTRUCTION"));
		phases.addAll(Collections.nCopies(p.experimentation(), "EN_EXPERIMENTATION"));
		phases.addAll(Collections.nCopies(p.available(), "DISPONIBLE"));
		phases.addAll(Collections.nCopies(p.generalised(), "GENERALISE"));
		phases.addAll(Collections.nCopies(p.stopped(), "ARRETE"));
		if (phases.size() != services) {
			throw new IllegalStateException("Les phases de l'histoire comptent " + phases.size() + " services, pas " + services + ".");
		}
		Collections.shuffle(phases, random);
		return phases;
	}

	private void service(int n, Fund project, String target, List<Org> group, List<Org> territories,
			List<Org> candidates) {
		var title = project.title();
		var start = deployment.teamsNamed().plusMinutes(7L * n);
		var team = group.isEmpty() ? "admin" : group.get(0).agent();
		acts.add(new NameTeam(start, title, team));
		for (int i = 0; i < project.milestones().size(); i++) {
			var m = project.milestones().get(i);
			acts.add(new AddMilestone(start.plusDays(1).plusMinutes(i), title, i, m.label(), m.due()));
		}
		var tranches = deployment.tranches();
		long budget = project.budget();
		long tranche = Math.round(budget * 0.3 / 1000) * 1000;
		acts.add(new PayTranche(at(LocalDate.of(2021, 9, 15), n), title, tranche, tranches.get(0)));
		boolean stopped = target.equals("ARRETE");
		boolean experiments = !target.equals("EN_CONSTRUCTION") && !(stopped && random.nextBoolean());
		LocalDate experimenting = experiments ? LocalDate.of(2021, 11, 2).plusDays(random.nextInt(150)) : null;
		LocalDate available = null;
		LocalDate generalised = null;
		LocalDate stop = null;
		if (experiments) {
			acts.add(new ChangePhase(at(experimenting, n), title, "EN_EXPERIMENTATION", null));
			acts.add(new PayTranche(at(experimenting, n).plusMinutes(1), title, tranche, tranches.get(1)));
		}
		if (target.equals("DISPONIBLE") || target.equals("GENERALISE")) {
			available = min(experimenting.plusDays(200 + random.nextInt(120)), last.minusDays(40));
			acts.add(new ChangePhase(at(available, n), title, "DISPONIBLE", null));
			acts.add(new PayTranche(at(available, n).plusMinutes(1), title, tranche, tranches.get(2)));
			acts.add(new SetLinks(at(available, n).plusMinutes(2), title, "https://service-" + (n + 1) + ".services.example",
					"https://service-" + (n + 1) + ".services.example/documentation",
					"https://code.services.example/service-" + (n + 1)));
		}
		if (target.equals("GENERALISE")) {
			generalised = min(available.plusDays(120 + random.nextInt(120)), last.minusDays(5));
			acts.add(new ChangePhase(at(generalised, n), title, "GENERALISE", null));
			acts.add(new PayTranche(at(generalised, n).plusMinutes(1), title, budget - 3 * tranche, tranches.get(3)));
		}
		if (stopped) {
			stop = min((experiments ? experimenting : LocalDate.of(2022, 1, 10)).plusDays(90 + random.nextInt(160)),
					last.minusDays(30));
			acts.add(new ChangePhase(at(stop, n), title, "ARRETE", pick(deployment.stopReasons())));
		}
		milestones(n, project, target, experimenting, stop);
		if (experiments) {
			var until = available != null ? available : stop != null ? stop : last;
			for (var territory : territories) {
				long days = ChronoUnit.DAYS.between(experimenting, until) - 25;
				if (days > 0 && random.nextInt(5) > 0) {
					int satisfaction = stopped ? 1 + random.nextInt(3) : 3 + random.nextInt(3);
					acts.add(new GiveFeedback(at(experimenting.plusDays(20 + random.nextInt((int) days)), n), title,
							territory, satisfaction, satisfaction >= 3, pick(deployment.feedback()), random.nextBoolean()));
				}
			}
		}
		new Adopters(this, random, last).plan(n, title, target, group, candidates,
				new Adopters.Dates(start.toLocalDate(), experimenting, available, stop), acts);
	}

	/** Milestones done on time, replanned, or late (not done though due), by how the service went. */
	private void milestones(int n, Fund project, String target, LocalDate experimenting, LocalDate stop) {
		boolean healthy = target.equals("DISPONIBLE") || target.equals("GENERALISE");
		boolean replanOne = !healthy || random.nextInt(3) == 0;
		var title = project.title();
		for (int i = 0; i < project.milestones().size(); i++) {
			var due = project.milestones().get(i).due();
			if (due.isAfter(last)) {
				continue;
			}
			if (stop != null && due.isAfter(stop)) {
				continue;
			}
			boolean onTrack = healthy ? i != 1 || !replanOne
					: target.equals("EN_EXPERIMENTATION") ? experimenting != null && due.isBefore(experimenting.plusDays(60))
							: false;
			if (onTrack) {
				var on = due.minusDays(random.nextInt(25));
				acts.add(new MilestoneDone(at(on.plusDays(1), n), title, i, on));
				continue;
			}
			if (replanOne || random.nextBoolean()) {
				var replanned = due.plusDays(45 + random.nextInt(60));
				acts.add(new Replan(at(due.minusDays(15), n), title, i, replanned, pick(deployment.replanReasons())));
				if (healthy && replanned.isBefore(last.minusDays(2))) {
					var on = replanned.minusDays(random.nextInt(10));
					acts.add(new MilestoneDone(at(on.plusDays(1), n), title, i, on));
				}
			}
			// otherwise the milestone is due and not done: late
		}
	}

	LocalDateTime at(LocalDate day, int n) {
		return LocalDateTime.of(min(day, last), TEN).plusMinutes(n);
	}

	static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	String pick(List<String> words) {
		return words.get(random.nextInt(words.size()));
	}

	Consultation2021.Deployment2023 deployment() {
		return deployment;
	}
}
