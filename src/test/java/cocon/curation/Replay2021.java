package cocon.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

import cocon.demo.Consultation2021;
import cocon.intake.events.ContributionSubmitted;
import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.ContributionId;
import cocon.shared.Siren;
import cocon.testing.Campaign2021;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 2021 funnel as test data, from the story the demonstration replays ({@link Consultation2021}): 476
 * contributions of real communes of the directory (open data of the administrative map), 391 of them to be grouped
 * into its 67 proposals across 13 themes, 81 to be reoriented to its programmes and its 4 ineligible ones to be
 * rejected. Deterministic.
 */
record Replay2021(List<ContributionSubmitted> contributions, List<Group> groups, List<ContributionId> reoriented,
		List<ContributionId> rejected) {

	record Group(String title, String theme, List<ContributionId> contributions) {
	}

	private record Subject(String title, String need) {
	}

	private record Commune(String siren, String name) {
	}

	/** The story the demonstration replays: its proposals, programmes and ineligible needs, in its words. */
	static final Consultation2021 STORY = Consultation2021.story();

	/** The campaign of the story: its 13 themes. */
	static Campaign2021 campaign() {
		return Campaign2021.campaign().withThemes(STORY.themes());
	}

	static Replay2021 generate(CampaignId campaign) {
		var communes = communes();
		var contributions = new ArrayList<ContributionSubmitted>();
		var groups = new ArrayList<Group>();
		var start = Instant.parse("2021-01-25T08:00:00Z");
		int[] next = { 0 };
		java.util.function.BiFunction<Subject, String, ContributionSubmitted> contribute = (subject, theme) -> {
			var n = next[0]++;
			var commune = communes.get((n * 37) % communes.size());
			var event = new ContributionSubmitted(ContributionId.random(), campaign,
					subject.title() + " — " + commune.name(),
					"À " + commune.name() + ", " + subject.need() + " : " + VARIANTS.get(n % VARIANTS.size()),
					theme, n % 3 == 0 ? "ELU" : "AGENT", Siren.of(commune.siren()), commune.name(),
					CollectiviteKind.COMMUNE, start.plus(Duration.ofMinutes(137L * n)));
			contributions.add(event);
			return event;
		};
		// the story's 67 proposals; 391 contributions: 56 proposals of 6, 11 of 5
		for (int proposal = 0; proposal < STORY.proposals().size(); proposal++) {
			var need = STORY.proposals().get(proposal);
			var size = proposal < 56 ? 6 : 5;
			var ids = new ArrayList<ContributionId>();
			for (int i = 0; i < size; i++) {
				ids.add(contribute.apply(new Subject(need.title(), need.pain()), need.theme()).contributionId());
			}
			groups.add(new Group(need.title(), need.theme(), List.copyOf(ids)));
		}
		var reoriented = new ArrayList<ContributionId>();
		for (int i = 0; i < STORY.figures().reoriented(); i++) {
			var programme = STORY.reoriented().get(i % STORY.reoriented().size());
			reoriented.add(contribute.apply(new Subject(programme.title(), programme.pain()), programme.theme())
					.contributionId());
		}
		var rejected = new ArrayList<ContributionId>();
		for (var ineligible : STORY.rejected()) {
			rejected.add(contribute.apply(new Subject(ineligible.title(), ineligible.pain()), ineligible.theme())
					.contributionId());
		}
		// contributions arrive in the order they were submitted, not grouped by outcome
		contributions.sort(Comparator.comparing(ContributionSubmitted::submittedAt).reversed()
				.thenComparing(c -> c.contributionId().id()));
		return new Replay2021(List.copyOf(contributions), List.copyOf(groups), List.copyOf(reoriented),
				List.copyOf(rejected));
	}

	private static final List<String> VARIANTS = List.of("nous aimerions un outil simple et mutualisé.",
			"un service numérique commun aux collectivités nous ferait gagner du temps.",
			"les agents y consacrent des heures chaque semaine.",
			"les habitants nous le demandent régulièrement.",
			"nous n'avons pas les moyens de développer une solution seuls.");

	/** Communes of more than 10 000 inhabitants, from the directory's open data. */
	private static List<Commune> communes() {
		try (var in = new ClassPathResource("directory/decoupage-administratif/data/communes.json").getInputStream()) {
			var root = JsonMapper.builder().build().readTree(in);
			var communes = new ArrayList<Commune>();
			for (JsonNode node : root) {
				if (node.path("type").asString("").equals("commune-actuelle") && node.path("population").asLong(0) > 10_000
						&& Siren.isValid(node.path("siren").asString(""))) {
					communes.add(new Commune(node.path("siren").asString(), node.path("nom").asString()));
				}
			}
			if (communes.size() < 100) {
				throw new IllegalStateException("Le référentiel des communes est incomplet.");
			}
			return communes;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
