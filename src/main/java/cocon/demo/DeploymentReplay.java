package cocon.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

import cocon.demo.DeploymentPlan.Act;
import cocon.demo.DeploymentPlan.AddMilestone;
import cocon.demo.DeploymentPlan.Adopt;
import cocon.demo.DeploymentPlan.ChangePhase;
import cocon.demo.DeploymentPlan.GiveFeedback;
import cocon.demo.DeploymentPlan.MarkExperimentation;
import cocon.demo.DeploymentPlan.MilestoneDone;
import cocon.demo.DeploymentPlan.NameTeam;
import cocon.demo.DeploymentPlan.PayTranche;
import cocon.demo.DeploymentPlan.Replan;
import cocon.demo.DeploymentPlan.SetLinks;
import cocon.demo.ReplayPlan.Directory;
import cocon.demo.ReplayStep.Apply;
import cocon.demo.ReplayStep.Fund;

/**
 * Drives the {@link DeploymentPlan} through the deployment module's API, as its users would: the administrator, the
 * project teams, staff, the experimentation territories and the collectivités' agents. The acts of one week are
 * sent in parallel at that week's first instant (those on one service, or of one collectivité for one service, in
 * their order): the days they carry (milestone done, tranche paid, due dates) are exact, the instants the modules
 * record are those of their week, and a few thousand adoptions add seconds, not minutes, to the preparation.
 */
final class DeploymentReplay {

	private static final Logger LOG = LoggerFactory.getLogger(DeploymentReplay.class);
	private static final int PARALLEL = 8;

	private final DemoApi api;
	private final Replay replay;
	private final Consultation2021 story;
	private final ReplayPlan plan;
	private final Directory directory;
	private final Map<String, String> applications;
	private final Map<String, String> services = new HashMap<>();
	private final Map<String, String> milestones = new ConcurrentHashMap<>();
	private final Set<String> adopted = ConcurrentHashMap.newKeySet();

	DeploymentReplay(DemoApi api, Replay replay, Consultation2021 story, ReplayPlan plan, Directory directory,
			Map<String, String> applications) {
		this.api = api;
		this.replay = replay;
		this.story = story;
		this.plan = plan;
		this.directory = directory;
		this.applications = applications;
	}

	/** Replays the deployment up to the present; the number of adoptions declared. */
	int run() {
		var funded = plan.steps().stream().filter(Fund.class::isInstance).map(Fund.class::cast).toList();
		var acts = DeploymentPlan.of(story, Moment.DEPLOIEMENT.day(), funded, groups(plan.steps()), directory);
		// deployment learns of the funded projects from governance's event
		api.await("le déploiement connaît les " + funded.size() + " services", () -> {
			services.clear();
			for (var service : api.get("/api/services?size=500", null)) {
				services.put(service.path("title").asString(), service.path("id").asString());
			}
			return funded.stream().allMatch(f -> services.containsKey(f.title()));
		});
		int declarations = 0;
		boolean territoriesKnown = false;
		try (var pool = new Closing(PARALLEL)) {
			for (int i = 0; i < acts.size();) {
				var first = acts.get(i);
				if (!replay.at(first.at())) {
					break;
				}
				// one week's acts at its first instant: one service's (or adopter's) in their order, the others alongside
				var week = monday(first);
				var batch = new ArrayList<Act>();
				while (i < acts.size() && monday(acts.get(i)).equals(week)) {
					batch.add(acts.get(i++));
				}
				if (!territoriesKnown && batch.stream().anyMatch(GiveFeedback.class::isInstance)) {
					awaitTerritories(acts);
					territoriesKnown = true;
				}
				declarations += (int) batch.stream().filter(Adopt.class::isInstance).count();
				inParallel(batch, pool);
			}
		}
		LOG.info("Démonstration : {} services suivis jusqu'en 2023, {} déclarations d'adoption.", services.size(),
				declarations);
		return declarations;
	}

	private void take(Act act) {
		var service = "/api/services/" + services.get(act.service());
		if (act instanceof Adopt a) {
			declare(a);
		}
		else if (act instanceof NameTeam t) {
			api.send(HttpMethod.POST, service + "/team", "admin",
					DemoApi.JSON.createObjectNode().put("username", t.username()), 201);
			teams.put(act.service(), t.username());
		}
		else if (act instanceof AddMilestone m) {
			var id = api.send(HttpMethod.POST, service + "/milestones", team(act), DemoApi.JSON.createObjectNode()
					.put("title", m.title()).put("due", replay.shifted(m.due()).toString()), 201).path("id").asString();
			milestones.put(act.service() + "/" + m.index(), id);
		}
		else if (act instanceof MilestoneDone m) {
			api.send(HttpMethod.PUT, service + "/milestones/" + milestones.get(act.service() + "/" + m.index()), team(act),
					DemoApi.JSON.createObjectNode().put("doneOn", replay.shifted(m.on()).toString()), 200);
		}
		else if (act instanceof Replan r) {
			api.send(HttpMethod.PUT, service + "/milestones/" + milestones.get(act.service() + "/" + r.index()), team(act),
					DemoApi.JSON.createObjectNode().put("replannedTo", replay.shifted(r.due()).toString())
							.put("reason", r.reason()), 200);
		}
		else if (act instanceof MarkExperimentation m) {
			api.send(HttpMethod.POST, "/api/referent-applications/" + applications.get(m.proposal() + "/" + m.org().siren())
					+ "/experimentation", "curator", null, 200);
		}
		else if (act instanceof ChangePhase p) {
			api.send(HttpMethod.PUT, service + "/phase", team(act),
					DemoApi.JSON.createObjectNode().put("phase", p.phase()).put("reason", p.reason()), 200);
		}
		else if (act instanceof PayTranche t) {
			api.send(HttpMethod.POST, service + "/tranches", team(act), DemoApi.JSON.createObjectNode()
					.put("amountEuros", t.amount()).put("paidOn", replay.shifted(t.at().toLocalDate()).toString())
					.put("label", t.label()), 201);
		}
		else if (act instanceof SetLinks l) {
			api.send(HttpMethod.PUT, service + "/links", team(act), DemoApi.JSON.createObjectNode().put("site", l.site())
					.put("documentation", l.documentation()).put("source", l.source()), 200);
		}
		else if (act instanceof GiveFeedback f) {
			api.send(HttpMethod.PUT, service + "/feedback", f.org().agent(), DemoApi.JSON.createObjectNode()
					.put("satisfaction", f.satisfaction()).put("wouldAdopt", f.wouldAdopt()).put("text", f.text())
					.put("published", f.published()), 201);
		}
	}

	/** The team member named for the service (the first territory of its working group). */
	private final Map<String, String> teams = new ConcurrentHashMap<>();

	private String team(Act act) {
		return teams.getOrDefault(act.service(), "admin");
	}

	private static java.time.LocalDate monday(Act act) {
		return act.at().toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
	}

	/** Acts of one week, in parallel: those on the same service (and collectivité, for adoptions) in their order. */
	private void inParallel(List<Act> day, Closing pool) {
		var byKey = new LinkedHashMap<String, List<Act>>();
		day.forEach(act -> byKey.computeIfAbsent(act instanceof Adopt a ? a.service() + "/" + a.org().siren()
				: act.service(), k -> new ArrayList<>()).add(act));
		var futures = new ArrayList<Future<?>>();
		for (var sequence : byKey.values()) {
			futures.add(pool.executor().submit(() -> sequence.forEach(this::take)));
		}
		for (var future : futures) {
			try {
				future.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("préparation interrompue", e);
			}
			catch (ExecutionException e) {
				throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
			}
		}
	}

	private void declare(Adopt a) {
		var first = adopted.add(a.service() + "/" + a.org().siren());
		api.send(HttpMethod.PUT, "/api/services/" + services.get(a.service()) + "/adoption", a.org().agent(),
				DemoApi.JSON.createObjectNode().put("status", a.status()).put("note", a.note()), first ? 201 : 200);
	}

	/** Deployment learns of the experimentation territories from the referent territories' events. */
	private void awaitTerritories(List<Act> acts) {
		var expected = new HashMap<String, Set<String>>();
		acts.stream().filter(MarkExperimentation.class::isInstance).map(MarkExperimentation.class::cast)
				.forEach(m -> expected.computeIfAbsent(m.service(), s -> new HashSet<>()).add(m.org().siren()));
		for (var entry : expected.entrySet()) {
			api.await("le déploiement connaît les territoires d'expérimentation", () -> {
				var known = new HashSet<String>();
				api.get("/api/services/" + services.get(entry.getKey()), null).path("experimentationTerritories")
						.forEach(t -> known.add(t.path("siren").asString()));
				return known.containsAll(entry.getValue());
			});
		}
	}

	/** Members of each working group, by proposal, in the order they joined. */
	private static Map<Integer, List<Org>> groups(List<ReplayStep> steps) {
		var groups = new LinkedHashMap<Integer, List<Org>>();
		steps.stream().filter(Apply.class::isInstance).map(Apply.class::cast)
				.forEach(a -> groups.computeIfAbsent(a.proposal(), p -> new ArrayList<>()).add(a.org()));
		return groups;
	}

	/** A thread pool closed with the replay. */
	private record Closing(java.util.concurrent.ExecutorService executor) implements AutoCloseable {

		Closing(int threads) {
			this(Executors.newFixedThreadPool(threads));
		}

		@Override
		public void close() {
			executor.shutdownNow();
		}
	}
}
