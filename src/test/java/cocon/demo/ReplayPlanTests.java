package cocon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import cocon.demo.ReplayPlan.Directory;
import cocon.demo.ReplayStep.Apply;
import cocon.demo.ReplayStep.Contribute;
import cocon.demo.ReplayStep.DecideShortlist;
import cocon.demo.ReplayStep.Fund;
import cocon.demo.ReplayStep.Propose;
import cocon.demo.ReplayStep.Reject;
import cocon.demo.ReplayStep.Reorient;
import cocon.demo.ReplayStep.Support;
import cocon.demo.ReplayStep.Workshop;

/**
 * The plan of the replay tells the story of {@code consultation-2021.json} with the figures of the public record, each
 * step inside its window of the story's calendar, the same way twice; the deployment that follows gives the 44
 * services the phases the story says, thousands of adoptions, and never pays a service more than its budget.
 */
class ReplayPlanTests {

	private static final Consultation2021 STORY = Consultation2021.story();

	/** Collectivités shaped like the directory's: communes of every size in a hundred départements, and the rest. */
	private static Directory directory() {
		var communes = new ArrayList<Org>();
		for (int i = 0; i < 1000; i++) {
			communes.add(new Org("2%08d".formatted(i), "Commune " + i, "COMMUNE", 200 + (i * 7919L) % 150_000,
					"%02d".formatted(1 + i % 95)));
		}
		var epcis = new ArrayList<Org>();
		for (int i = 0; i < 200; i++) {
			epcis.add(new Org("24%07d".formatted(i), "Communauté " + i, "EPCI", 20_000 + i * 100L, "%02d".formatted(1 + i % 95)));
		}
		var departements = new ArrayList<Org>();
		for (int i = 0; i < 100; i++) {
			departements.add(new Org("22%07d".formatted(i), "Département " + i, "DEPARTEMENT", 300_000, "%02d".formatted(1 + i % 95)));
		}
		var regions = new ArrayList<Org>();
		for (int i = 0; i < 18; i++) {
			regions.add(new Org("23%07d".formatted(i), "Région " + i, "REGION", 3_000_000, ""));
		}
		return new Directory(communes, epcis, departements, regions, List.of());
	}

	private static <T> List<T> of(List<ReplayStep> steps, Class<T> kind) {
		return steps.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	private static boolean within(LocalDateTime at, Consultation2021.Span span) {
		return !at.isBefore(span.opens()) && !at.isAfter(span.closes());
	}

	@Test
	void thePlanTellsTheStoryWithTheFiguresOfThePublicRecordInsideItsCalendar() {
		var steps = ReplayPlan.of(STORY, directory(), 0).steps();
		var figures = STORY.figures();
		var calendar = STORY.calendar();

		var contributions = of(steps, Contribute.class);
		assertThat(contributions).hasSize(figures.contributions())
				.allMatch(c -> within(c.at(), calendar.contributions()));
		var proposals = of(steps, Propose.class);
		assertThat(proposals).hasSize(STORY.proposals().size()).hasSize(67);
		assertThat(proposals.stream().mapToInt(p -> p.contributions().size()).sum()).isEqualTo(figures.grouped());
		assertThat(of(steps, Reorient.class)).hasSize(figures.reoriented());
		assertThat(of(steps, Reject.class)).hasSize(figures.rejected());
		assertThat(STORY.themes()).hasSize(13);

		var supports = of(steps, Support.class);
		assertThat(supports).hasSize(figures.supports()).allMatch(s -> within(s.at(), calendar.supports()));
		assertThat(supports.stream().map(s -> s.proposal() + "/" + s.by().siren()).distinct()).hasSize(figures.supports());

		var shortlist = of(steps, DecideShortlist.class);
		assertThat(shortlist).singleElement().satisfies(d -> {
			assertThat(d.proposals()).hasSize(figures.shortlisted());
			assertThat(d.proposals().stream().map(i -> STORY.proposals().get(i).title()))
					.containsAll(STORY.knownShortlist());
			assertThat(d.at().toLocalDate()).isEqualTo(calendar.shortlistDecision());
		});

		// the referent territories apply inside the window of the story's calendar (it closes on 11 June)
		assertThat(calendar.referentApplications().closes()).isEqualTo(LocalDateTime.of(2021, 6, 11, 23, 59, 59));
		assertThat(of(steps, Apply.class)).isNotEmpty().allMatch(a -> within(a.at(), calendar.referentApplications()));
		assertThat(of(steps, Workshop.class)).hasSize(figures.shortlisted()).allMatch(w -> !w.attendees().isEmpty());

		var funded = of(steps, Fund.class);
		assertThat(funded).hasSize(figures.funded())
				.allMatch(f -> f.at().toLocalDate().equals(calendar.fundingDecision()))
				.allMatch(f -> shortlist.get(0).proposals().contains(f.proposal()));
		assertThat(funded.stream().mapToLong(Fund::budget).sum()).isLessThanOrEqualTo(figures.envelopeEuros());
		// a member with a declared conflict takes no part in funding the proposal concerned
		var conflicted = STORY.proposalIndex(STORY.knownShortlist().get(STORY.conflict().knownShortlistIndex()));
		assertThat(funded).filteredOn(f -> f.proposal() == conflicted)
				.noneMatch(f -> f.member().equals(STORY.conflict().member()));

		assertThat(ReplayPlan.of(STORY, directory(), 0).steps()).as("the same story twice").isEqualTo(steps);
	}

	@Test
	void theServicesOf2023HaveThePhasesOfTheStoryThousandsOfAdoptionsAndNoTrancheAboveTheirBudget() {
		var directory = directory();
		var steps = ReplayPlan.of(STORY, directory, 0).steps();
		var funded = of(steps, Fund.class);
		var groups = new HashMap<Integer, List<Org>>();
		of(steps, Apply.class).forEach(a -> groups.computeIfAbsent(a.proposal(), p -> new ArrayList<>()).add(a.org()));
		var day = Moment.DEPLOIEMENT.day();
		var acts = DeploymentPlan.of(STORY, day, funded, groups, directory);

		assertThat(acts).allMatch(a -> a.at().toLocalDate().isBefore(day));
		var phases = new HashMap<String, String>();
		funded.forEach(f -> phases.put(f.title(), "EN_CONSTRUCTION"));
		acts.stream().filter(DeploymentPlan.ChangePhase.class::isInstance).map(DeploymentPlan.ChangePhase.class::cast)
				.forEach(p -> phases.put(p.service(), p.phase()));
		var counts = new TreeMap<String, Integer>();
		phases.values().forEach(p -> counts.merge(p, 1, Integer::sum));
		var story = STORY.deployment().phases();
		assertThat(counts).isEqualTo(new TreeMap<>(Map.of("EN_CONSTRUCTION", story.construction(), "EN_EXPERIMENTATION",
				story.experimentation(), "DISPONIBLE", story.available(), "GENERALISE", story.generalised(), "ARRETE",
				story.stopped())));

		var paid = new HashMap<String, Long>();
		acts.stream().filter(DeploymentPlan.PayTranche.class::isInstance).map(DeploymentPlan.PayTranche.class::cast)
				.forEach(t -> paid.merge(t.service(), t.amount(), Long::sum));
		funded.forEach(f -> assertThat(paid.getOrDefault(f.title(), 0L)).as(f.title()).isBetween(1L, f.budget()));

		var adoptions = acts.stream().filter(DeploymentPlan.Adopt.class::isInstance).map(DeploymentPlan.Adopt.class::cast)
				.toList();
		var adopters = new HashSet<String>();
		adoptions.forEach(a -> adopters.add(a.service() + "/" + a.org().siren()));
		assertThat(adopters.size()).as("collectivités adopting a service").isBetween(1000, 5000);
		assertThat(adoptions).filteredOn(a -> a.status().equals("ABANDONNEE")).isNotEmpty()
				.allMatch(a -> a.note() != null && !a.note().isBlank());
		assertThat(acts).filteredOn(DeploymentPlan.GiveFeedback.class::isInstance).isNotEmpty();
		assertThat(acts).filteredOn(DeploymentPlan.Replan.class::isInstance).isNotEmpty();
	}
}
