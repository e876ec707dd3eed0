package cocon.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

import cocon.demo.ReplayStep.Apply;
import cocon.demo.ReplayStep.Assess;
import cocon.demo.ReplayStep.Contribute;
import cocon.demo.ReplayStep.DecideShortlist;
import cocon.demo.ReplayStep.DeclareConflict;
import cocon.demo.ReplayPlan.Directory;
import cocon.demo.ReplayStep.Fund;
import cocon.demo.ReplayStep.NameCommittee;
import cocon.demo.ReplayStep.Propose;
import cocon.demo.ReplayStep.Publish;
import cocon.demo.ReplayStep.Reject;
import cocon.demo.ReplayStep.Reorient;
import cocon.demo.ReplayStep.Schedule;
import cocon.demo.ReplayStep.Support;
import cocon.demo.ReplayStep.Workshop;
import cocon.shared.CampaignCalendar;
import cocon.shared.Window;
import tools.jackson.databind.node.ObjectNode;

/**
 * One replay of the 2021 consultation through the application's API, at the instants of the story's calendar shifted
 * by whole days so that today stands for the day of the chosen {@link Moment}. The {@link ReplayPlan} says what
 * happens; this driver takes each step at its replayed instant (the {@link ReplayClock} is set to it first) and only
 * if that instant is not after the present one: the replay stops where the story stood on that day. At the moment
 * {@code deploiement} the story goes on with the funded services up to 2023 ({@link DeploymentReplay}).
 */
final class Replay {

	private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final Consultation2021 STORY = Consultation2021.story();
	static final int SUPPORTS = STORY.figures().supports();
	static final int FUNDED = STORY.figures().funded();

	/**
	 * The kinds of step that go several at a time (issue 26), by the run they may form: a contribution does not
	 * depend on another, nor a support on another; the curators' decisions (a proposal grouping its contributions, a
	 * reorientation, a rejection) each touch contributions of their own, and each publication a proposal of its own.
	 */
	private static final Map<Class<?>, String> INDEPENDENT = Map.of(Contribute.class, "contributions",
			Support.class, "soutiens", Propose.class, "curation", Reorient.class, "curation", Reject.class, "curation",
			Publish.class, "publication");
	/**
	 * How many requests are in flight then, and when the directory's pages are read ({@link ReplayDirectory}): one at
	 * a time, the server's thread and PostgreSQL take turns on one core while the other waits. With four, both cores
	 * were still 15 % idle during the replay; eight prepare the moment "supports" 1.5 to 2 s sooner on 2 cores (issue
	 * 26, docs/performance.md, session 17).
	 */
	static final int IN_FLIGHT = 8;

	/** What the replay did, for the log and the administrator's page. */
	record Result(String campaignId, int contributions, int proposals, int published, int supports, int shortlisted,
			int referents, int workshops, int funded, int adoptions) {
	}

	private final DemoApi api;
	private final ReplayClock clock;
	private final Moment moment;
	private final long shiftDays;
	private final Instant present;

	private String campaign;
	/** Written by the requests sent together. */
	private final Map<Integer, String> contributions = new ConcurrentHashMap<>();
	private final Map<Integer, String> proposals = new ConcurrentHashMap<>();
	/** Application identifiers by proposal and SIREN, for the deployment that follows. */
	private final Map<String, String> applications = new HashMap<>();
	private final Map<Class<?>, Integer> done = new HashMap<>();
	private int adoptions;
	private final ReplayTimings timings = new ReplayTimings();

	Replay(DemoApi api, ReplayClock clock, Moment moment, Instant present) {
		this.api = api;
		this.clock = clock;
		this.moment = moment;
		this.present = present;
		this.shiftDays = ChronoUnit.DAYS.between(moment.day(), present.atZone(PARIS).toLocalDate());
	}

	/** Where the time went, phase by phase. */
	ReplayTimings timings() {
		return timings;
	}

	/** The instant of the story moved to the demo's calendar. */
	Instant shifted(LocalDateTime inStory) {
		return inStory.plusDays(shiftDays).atZone(PARIS).toInstant();
	}

	LocalDate shifted(LocalDate inStory) {
		return inStory.plusDays(shiftDays);
	}

	/** Moves the replay to this instant of the story, unless it lies after the present: false then. */
	boolean at(LocalDateTime inStory) {
		var instant = shifted(inStory);
		if (instant.isAfter(present)) {
			return false;
		}
		clock.replayAt(instant);
		return true;
	}

	/** The story's calendar, shifted: the shared kernel's value object checks its order. */
	CampaignCalendar calendar() {
		var c = STORY.calendar();
		return new CampaignCalendar(new Window(shifted(c.contributions().opens()), shifted(c.contributions().closes())),
				new Window(shifted(c.supports().opens()), shifted(c.supports().closes())),
				new Window(shifted(c.referentApplications().opens()), shifted(c.referentApplications().closes())),
				shifted(c.shortlistDecision()), shifted(c.fundingDecision()));
	}

	Result run() {
		timings.enter("annuaire");
		var directory = ReplayDirectory.read(api);
		var plan = ReplayPlan.of(STORY, directory, shiftDays);
		var steps = plan.steps();
		var together = Executors.newFixedThreadPool(IN_FLIGHT);
		try {
			for (int i = 0; i < steps.size();) {
				var step = steps.get(i);
				if (!done.containsKey(step.getClass())) {
					beforeFirst(step);
				}
				timings.enter(ReplayTimings.phaseOf(step));
				if (!at(step.at())) {
					LOG.info("Démonstration : l'histoire s'arrête au {}, comme ce jour-là ({} {}).", moment.day(),
							done.getOrDefault(step.getClass(), 0), label(step.getClass()));
					return result();
				}
				int end = INDEPENDENT.containsKey(step.getClass()) ? endOfRun(steps, i) : i + 1;
				if (end - i > 1) {
					takeTogether(steps.subList(i, end), together);
				}
				else {
					take(step);
				}
				steps.subList(i, end).forEach(taken -> done.merge(taken.getClass(), 1, Integer::sum));
				i = end;
			}
		}
		finally {
			together.shutdownNow();
		}
		LOG.info("Démonstration : l'histoire de 2021 est rejouée jusqu'au financement ({} projets).", count(Fund.class));
		if (moment == Moment.DEPLOIEMENT) {
			timings.enter("déploiement");
			adoptions = new DeploymentReplay(api, this, STORY, plan, directory, applications).run();
		}
		return result();
	}

	/**
	 * The end of the run of independent steps of the same run as the one at {@code from} ({@link #INDEPENDENT}), up to
	 * the present: steps the story allows in any order, since none depends on another.
	 */
	private int endOfRun(List<ReplayStep> steps, int from) {
		var run = INDEPENDENT.get(steps.get(from).getClass());
		int end = from + 1;
		while (end < steps.size() && run.equals(INDEPENDENT.get(steps.get(end).getClass()))
				&& !shifted(steps.get(end).at()).isAfter(present)) {
			end++;
		}
		return end;
	}

	/**
	 * The steps of a run sent {@value #IN_FLIGHT} at a time, each served at its own instant of the story
	 * ({@link ReplayInstantFilter}): what they write is what they would have written one by one. The clock of
	 * everything else (the modules' listeners) stands at the last instant of the run, as it would once the run is
	 * taken.
	 */
	private void takeTogether(List<ReplayStep> run, ExecutorService together) {
		clock.replayAt(shifted(run.get(run.size() - 1).at()));
		var sent = new ArrayList<Future<?>>();
		for (var step : run) {
			var at = api.at(shifted(step.at()), clock.secret());
			sent.add(together.submit(() -> take(step, at)));
		}
		try {
			for (var one : sent) {
				one.get();
			}
		}
		catch (ExecutionException failed) {
			sent.forEach(one -> one.cancel(true));
			throw failed.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(failed.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("préparation interrompue", e);
		}
	}

	private Result result() {
		return new Result(campaign, count(Contribute.class), count(Propose.class), count(Publish.class),
				count(Support.class), count(DecideShortlist.class) == 0 ? 0 : STORY.figures().shortlisted(),
				count(Apply.class), count(Workshop.class), count(Fund.class), adoptions);
	}

	private static String label(Class<?> step) {
		return LABELS.getOrDefault(step, step.getSimpleName());
	}

	private static final Map<Class<?>, String> LABELS = Map.ofEntries(Map.entry(Contribute.class, "contributions reçues"),
			Map.entry(Propose.class, "propositions faites"), Map.entry(Reorient.class, "contributions réorientées"),
			Map.entry(Reject.class, "contributions rejetées"), Map.entry(Publish.class, "propositions publiées"),
			Map.entry(Support.class, "soutiens donnés"), Map.entry(Assess.class, "évaluations de maturité"),
			Map.entry(Apply.class, "candidatures de territoires référents"),
			Map.entry(Workshop.class, "ateliers des besoins"), Map.entry(Fund.class, "projets financés"));

	private int count(Class<?> step) {
		return done.getOrDefault(step, 0);
	}

	/** What another module must have heard before the first step of a kind: it learns from events. */
	private void beforeFirst(ReplayStep step) {
		timings.enter("attente des modules");
		if (step instanceof Propose || step instanceof Reorient || step instanceof Reject) {
			int submitted = count(Contribute.class);
			api.await("la curation a reçu les " + submitted + " contributions", () -> api
					.get("/api/campaigns/" + campaign + "/curation-report", null).path("received").asInt() >= submitted);
		}
		else if (step instanceof Support) {
			int published = count(Publish.class);
			api.await("le vote liste les " + published + " propositions", () -> api
					.get("/api/campaigns/" + campaign + "/proposals", null).size() >= published);
		}
	}

	private void take(ReplayStep step) {
		take(step, api);
	}

	/** One step, through this API (the one of its own instant when sent with others). */
	private void take(ReplayStep step, DemoApi api) {
		if (step instanceof Schedule) {
			schedule();
		}
		else if (step instanceof Contribute c) {
			var body = DemoApi.JSON.createObjectNode().put("title", c.title()).put("need", c.need())
					.put("theme", c.theme()).put("authorRole", c.role()).put("authorFunction", c.function());
			// intake learns of the campaign from governance's event: 404 until then
			contributions.put(c.rank(), api.until(HttpMethod.POST, "/api/campaigns/" + campaign + "/contributions",
					c.by().agent(), body, 201).get("id").asString());
		}
		else if (step instanceof Propose p) {
			propose(p, api);
		}
		else if (step instanceof Reorient r) {
			api.send(HttpMethod.POST, "/api/contributions/" + contributions.get(r.contribution()) + "/reorientation",
					"curator", DemoApi.JSON.createObjectNode().put("target", r.programme().target())
							.put("note", r.programme().note()), 204);
		}
		else if (step instanceof Reject r) {
			api.send(HttpMethod.POST, "/api/contributions/" + contributions.get(r.contribution()) + "/rejection",
					"curator", DemoApi.JSON.createObjectNode().put("reason", r.reason()), 204);
		}
		else if (step instanceof Publish p) {
			api.send(HttpMethod.POST, "/api/proposals/" + proposals.get(p.proposal()) + "/publication", "curator", null,
					204);
		}
		else if (step instanceof Support s) {
			api.until(HttpMethod.PUT, "/api/proposals/" + proposals.get(s.proposal()) + "/support", s.by().agent(), null,
					201);
		}
		else if (step instanceof NameCommittee) {
			var body = DemoApi.JSON.createObjectNode();
			var members = body.putArray("members");
			STORY.committee().forEach(m -> members.addObject().put("username", m.username())
					.put("organisation", m.organisation()));
			api.send(HttpMethod.PUT, "/api/campaigns/" + campaign + "/committee", "admin", body, 200);
		}
		else if (step instanceof DeclareConflict c) {
			// governance learns of the proposals from curation's events: 404 until then
			api.until(HttpMethod.POST, "/api/proposals/" + proposals.get(c.proposal()) + "/conflicts", c.member(),
					DemoApi.JSON.createObjectNode().put("reason", c.reason()), 201);
		}
		else if (step instanceof Assess a) {
			api.until(HttpMethod.PUT, "/api/proposals/" + proposals.get(a.proposal()) + "/maturity", a.member(),
					DemoApi.JSON.createObjectNode().put("level", a.level()).put("note", a.note()), 200);
		}
		else if (step instanceof DecideShortlist d) {
			var body = DemoApi.JSON.createObjectNode().put("rationale", d.rationale());
			var ids = body.putArray("proposalIds");
			d.proposals().forEach(i -> ids.add(proposals.get(i)));
			api.send(HttpMethod.POST, "/api/campaigns/" + campaign + "/shortlist", d.member(), body, 201);
		}
		else if (step instanceof Apply a) {
			apply(a);
		}
		else if (step instanceof Workshop w) {
			var body = DemoApi.JSON.createObjectNode().put("date", shifted(w.day()).toString()).put("subject", w.subject());
			var attendees = body.putArray("attendees");
			w.attendees().forEach(attendees::add);
			api.send(HttpMethod.POST, "/api/proposals/" + proposals.get(w.proposal()) + "/working-group/sessions",
					"curator", body, 201);
		}
		else if (step instanceof Fund f) {
			var body = DemoApi.JSON.createObjectNode().put("proposalId", proposals.get(f.proposal()))
					.put("provider", f.provider()).put("title", f.title()).put("budgetEuros", f.budget());
			var milestones = body.putArray("milestones");
			f.milestones().forEach(m -> milestones.addObject().put("label", m.label())
					.put("due", shifted(m.due()).toString()));
			api.send(HttpMethod.POST, "/api/campaigns/" + campaign + "/funded-projects", f.member(), body, 201);
		}
	}

	private void propose(Propose p, DemoApi api) {
		var need = STORY.proposals().get(p.proposal());
		var body = DemoApi.JSON.createObjectNode().put("title", need.title())
				.put("summary", ContributionWriter.capitalised(need.wish()) + ", pour répondre à un constat partagé : "
						+ need.pain() + ".")
				.put("theme", need.theme());
		var ids = body.putArray("contributionIds");
		p.contributions().forEach(rank -> ids.add(contributions.get(rank)));
		proposals.put(p.proposal(), api.send(HttpMethod.POST, "/api/campaigns/" + campaign + "/proposals", "curator",
				body, 201).get("id").asString());
	}

	private void apply(Apply a) {
		var org = a.org();
		var body = DemoApi.JSON.createObjectNode().put("motivation", a.motivation())
				.put("contactName", "Référent numérique de " + org.name())
				.put("contactEmail", "referent-" + org.siren() + "@collectivite.example");
		// referents learns of the shortlist from governance's event: 404 or 409 until then
		var application = api.until(HttpMethod.POST, "/api/proposals/" + proposals.get(a.proposal())
				+ "/referent-applications", org.agent(), body, 201);
		applications.put(a.proposal() + "/" + org.siren(), application.path("id").asString());
	}

	private void schedule() {
		var body = DemoApi.JSON.createObjectNode().put("title", STORY.title()).put("description", STORY.description())
				.put("envelopeEuros", STORY.figures().envelopeEuros())
				.put("targetShortlistSize", STORY.figures().shortlisted());
		var themes = body.putArray("themes");
		STORY.themes().forEach(themes::add);
		var supportKinds = body.putArray("supportKinds");
		STORY.supportKinds().forEach(supportKinds::add);
		var groupKinds = body.putArray("workingGroupKinds");
		STORY.workingGroupKinds().forEach(groupKinds::add);
		var shape = calendar();
		var calendar = body.putObject("calendar");
		window(calendar.putObject("contributions"), shape.contributions());
		window(calendar.putObject("supports"), shape.supports());
		window(calendar.putObject("referentApplications"), shape.referentApplications());
		calendar.put("shortlistDecision", shape.shortlistDecision().toString());
		calendar.put("fundingDecision", shape.fundingDecision().toString());
		campaign = api.send(HttpMethod.POST, "/api/campaigns", "admin", body, 201).get("id").asString();
		LOG.info("Démonstration : campagne « {} » programmée ({}).", STORY.title(), campaign);
	}

	private static void window(ObjectNode node, Window window) {
		node.put("opens", window.opens().toString());
		node.put("closes", window.closes().toString());
	}
}
