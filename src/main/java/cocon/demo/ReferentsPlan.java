package cocon.demo;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

import cocon.demo.ReplayStep.Apply;
import cocon.demo.ReplayPlan.Directory;
import cocon.demo.ReplayStep.Support;
import cocon.demo.ReplayStep.Workshop;

/**
 * The referent territories of 2021 in the plan: for each shortlisted proposal a working group of five to twelve
 * collectivités (supporters invited first, then others, groupements included), three of them joining in the first
 * week so that every needs workshop has attendees, the others until the call closes; one needs workshop per group,
 * attended by members who had joined by then. The steps come sorted by instant, as they took place.
 */
final class ReferentsPlan {

	private final Consultation2021 story;
	private final ReplayPlan plan;
	private final Random random;

	ReferentsPlan(Consultation2021 story, ReplayPlan plan) {
		this.story = story;
		this.plan = plan;
		this.random = plan.random();
	}

	/** A step whose content is drawn when it takes place: who attends a workshop depends on who joined before. */
	private interface Deferred {
		LocalDateTime at();
	}

	private record Applying(LocalDateTime at, int proposal, Org org) implements Deferred {
	}

	private record Holding(LocalDateTime at, int group, java.time.LocalDate day) implements Deferred {
	}

	List<ReplayStep> plan(List<Integer> shortlisted, List<Support> supports, Directory d) {
		var s = story.steps();
		var actions = new ArrayList<Deferred>();
		var members = new LinkedHashMap<Integer, List<Org>>();
		var early = plan.spread(3 * shortlisted.size(), s.earlyReferents().from(), s.earlyReferents().to(), 9, 18);
		Collections.shuffle(early, random);
		var late = new ArrayList<Applying>();
		int e = 0;
		for (int proposal : shortlisted) {
			var group = new ArrayList<Org>();
			// supporters are invited first; other collectivités, groupements included, join as well
			supports.stream().filter(support -> support.proposal() == proposal).map(Support::by)
					.limit(2 + random.nextInt(4)).forEach(group::add);
			int size = 5 + random.nextInt(8);
			while (group.size() < size) {
				double kind = random.nextDouble();
				var org = kind < 0.7 ? any(d.communes()) : kind < 0.85 ? any(d.epcis()) : any(d.departements());
				if (group.stream().noneMatch(o -> o.siren().equals(org.siren()))) {
					group.add(org);
				}
			}
			members.put(proposal, group);
			for (int k = 0; k < group.size(); k++) {
				if (k < 3) {
					actions.add(new Applying(early.get(e++), proposal, group.get(k)));
				}
				else {
					late.add(new Applying(null, proposal, group.get(k)));
				}
			}
		}
		var lateTimes = plan.spread(late.size(), s.lateReferents().from(), s.lateReferents().to(), 9, 18);
		Collections.shuffle(lateTimes, random);
		for (int i = 0; i < late.size(); i++) {
			actions.add(new Applying(lateTimes.get(i), late.get(i).proposal(), late.get(i).org()));
		}
		for (int g = 0; g < shortlisted.size(); g++) {
			var day = s.firstWorkshop().plusDays(Math.round(g * (double) s.workshopsSpanDays() / (shortlisted.size() - 1)));
			while (plan.weekend(day)) {
				day = day.plusDays(1);
			}
			actions.add(new Holding(LocalDateTime.of(day, LocalTime.of(17, 30)), g, day));
		}
		actions.sort(Comparator.comparing(Deferred::at));
		var joined = new HashSet<String>();
		var steps = new ArrayList<ReplayStep>();
		for (var action : actions) {
			if (action instanceof Applying a) {
				steps.add(new Apply(a.at(), a.proposal(), a.org(), motivation(a.org())));
				joined.add(a.proposal() + "/" + a.org().siren());
			}
			else if (action instanceof Holding h) {
				int proposal = shortlisted.get(h.group());
				var attendees = new ArrayList<String>();
				for (var org : members.get(proposal)) {
					if (joined.contains(proposal + "/" + org.siren()) && (random.nextInt(5) > 0 || attendees.isEmpty())) {
						attendees.add(org.siren());
					}
				}
				steps.add(new Workshop(h.at(), proposal, h.day(),
						story.workshops().get(h.group() % story.workshops().size()), List.copyOf(attendees)));
			}
		}
		return steps;
	}

	private Org any(List<Org> orgs) {
		return orgs.get(random.nextInt(orgs.size()));
	}

	private String motivation(Org org) {
		return switch (random.nextInt(3)) {
			case 0 -> org.name() + " a exprimé ce besoin et souhaite participer aux ateliers des besoins.";
			case 1 -> org.name() + " veut tester les premières versions avec ses agents et ses habitants.";
			default -> org.name() + " met à disposition ses procédures et un agent référent pour les ateliers.";
		};
	}
}
