package cocon.deployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.CollectiviteKind;
import cocon.shared.SearchText;
import cocon.shared.Siren;
import cocon.shared.Timestamps;

/** What the pages and the API read: the catalogue, a service with its figures, the adoptions. */
@Component
class DeploymentQueries {

	private final JdbcClient jdbc;

	DeploymentQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A service as the catalogue shows it. */
	record Card(UUID id, UUID campaignId, String campaignTitle, String title, String provider, UUID proposalId,
			String need, String summary, String theme, Phase phase, String stopReason, long budgetEuros,
			long paidEuros, Map<AdoptionStatus, Long> counts, long population, long contributions, Instant fundedAt) {

		/** Collectivités testing or using the service. */
		public long adoptions() {
			return counts.getOrDefault(AdoptionStatus.EN_TEST, 0L) + counts.getOrDefault(AdoptionStatus.EN_SERVICE, 0L);
		}

		/** The card's figures, in French: adoptions, population covered, interest. */
		public String figures() {
			long used = adoptions();
			long interested = count(AdoptionStatus.INTERESSEE);
			return (used == 0 ? "Aucune collectivité ne l'utilise encore"
					: used + (used == 1 ? " collectivité l'utilise ou le teste" : " collectivités l'utilisent ou le testent"))
					+ " · " + Numbers.french(population) + " habitants couverts · " + interested
					+ (interested > 1 ? " intéressées" : " intéressée");
		}

		public long countOf(String status) {
			var known = AdoptionStatus.parse(status);
			return known == null ? 0 : count(known);
		}

		public String fundedOn() {
			return Dates.day(fundedAt);
		}

		public String populationLabel() {
			return Numbers.french(population);
		}

		public String budgetLabel() {
			return Numbers.euros(budgetEuros);
		}

		public String paidLabel() {
			return Numbers.euros(paidEuros);
		}

		public long count(AdoptionStatus status) {
			return counts.getOrDefault(status, 0L);
		}

		public String phaseLabel() {
			return phase.label();
		}

		public String phaseBadge() {
			return phase.badge();
		}
	}

	/** The filters of the catalogue; null or blank means any. */
	record Filters(String q, String theme, Phase phase, CollectiviteKind kind, String departement) {
	}

	private static final String CARDS = """
			select s.id, s.campaign_id, c.title as campaign_title, s.title, s.provider, s.proposal_id,
			       p.title as need, p.summary, p.theme, s.phase, s.stop_reason, s.budget_euros, s.paid_euros, s.funded_at,
			       coalesce(a.interessee, 0) as interessee, coalesce(a.en_test, 0) as en_test,
			       coalesce(a.en_service, 0) as en_service, coalesce(a.abandonnee, 0) as abandonnee,
			       coalesce(a.population, 0) as population,
			       (select count(*) from deployment.grouped_contribution g where g.proposal_id = s.proposal_id) as contributions
			from deployment.service s
			left join deployment.proposal p on p.proposal_id = s.proposal_id
			left join deployment.campaign c on c.campaign_id = s.campaign_id
			left join (select service_id,
			                  sum(collectivites) filter (where status = 'INTERESSEE') as interessee,
			                  sum(collectivites) filter (where status = 'EN_TEST') as en_test,
			                  sum(collectivites) filter (where status = 'EN_SERVICE') as en_service,
			                  sum(collectivites) filter (where status = 'ABANDONNEE') as abandonnee,
			                  sum(population) filter (where status in ('EN_TEST', 'EN_SERVICE')) as population
			           from deployment.adoption_count group by service_id) a on a.service_id = s.id
			""";

	/** The catalogue: every service of every campaign matching the filters, the most adopted first. */
	List<Card> catalogue(Filters filters) {
		var sql = new StringBuilder(CARDS).append(" where true");
		if (filters.kind() != null) {
			sql.append(" and exists (select 1 from deployment.adoption_place k where k.service_id = s.id and k.kind = :kind and k.status <> 'ABANDONNEE' and k.collectivites > 0)");
		}
		if (filters.departement() != null && !filters.departement().isBlank()) {
			sql.append(" and exists (select 1 from deployment.adoption_place d where d.service_id = s.id and d.departement = :dep and d.status <> 'ABANDONNEE' and d.collectivites > 0)");
		}
		var statement = jdbc.sql(sql.toString());
		if (filters.kind() != null) {
			statement = statement.param("kind", filters.kind().name());
		}
		if (filters.departement() != null && !filters.departement().isBlank()) {
			statement = statement.param("dep", filters.departement().strip());
		}
		return statement.query(DeploymentQueries::card).list().stream()
				.filter(card -> filters.phase() == null || card.phase() == filters.phase())
				.filter(card -> filters.theme() == null || filters.theme().isBlank()
						|| SearchText.normalise(filters.theme()).equals(SearchText.normalise(card.theme())))
				.filter(card -> filters.q() == null || filters.q().isBlank() || SearchText.matches(
						String.join(" ", card.title(), card.provider(), nonNull(card.need()), nonNull(card.summary()),
								nonNull(card.theme())), filters.q()))
				.sorted(Comparator.comparingLong(Card::adoptions).reversed()
						.thenComparing(Comparator.comparingLong((Card c) -> c.count(AdoptionStatus.INTERESSEE)).reversed())
						.thenComparing(Card::title))
				.toList();
	}

	Optional<Card> card(UUID id) {
		return jdbc.sql(CARDS + " where s.id = :id").param("id", id).query(DeploymentQueries::card).optional();
	}

	/** The themes of the services, for the catalogue's filter. */
	List<String> themes() {
		return jdbc.sql("""
				select distinct p.theme from deployment.service s join deployment.proposal p on p.proposal_id = s.proposal_id
				where p.theme is not null order by p.theme""").query(String.class).list();
	}

	private static String nonNull(String text) {
		return text == null ? "" : text;
	}

	private static Card card(ResultSet rs, int row) throws SQLException {
		var counts = new EnumMap<AdoptionStatus, Long>(AdoptionStatus.class);
		for (var status : AdoptionStatus.values()) {
			counts.put(status, rs.getLong(status.name().toLowerCase()));
		}
		return new Card(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class), rs.getString("campaign_title"),
				rs.getString("title"), rs.getString("provider"), rs.getObject("proposal_id", UUID.class), rs.getString("need"),
				rs.getString("summary"), rs.getString("theme"), Phase.valueOf(rs.getString("phase")),
				rs.getString("stop_reason"), rs.getLong("budget_euros"), rs.getLong("paid_euros"), counts,
				rs.getLong("population"), rs.getLong("contributions"), Timestamps.instant(rs, "funded_at"));
	}

	record ServiceLinks(String site, String documentation, String source, String contactEmail) {
	}

	Optional<ServiceLinks> links(UUID id) {
		return jdbc.sql("select site_url, documentation_url, source_url, contact_email from deployment.service where id = :id")
				.param("id", id).query((rs, n) -> new ServiceLinks(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4)))
				.optional();
	}

	/** A public adoption: the organisation, never the agent. */
	record AdoptionView(String siren, String name, CollectiviteKind kind, String departement, String region,
			long population, AdoptionStatus status, Instant since) {

		public String statusLabel() {
			return status.label();
		}

		public String kindLabel() {
			return kind.label();
		}

		public String populationLabel() {
			return Numbers.french(population);
		}
	}

	static AdoptionView adoption(ResultSet rs, int row) throws SQLException {
		return new AdoptionView(rs.getString("siren").trim(), rs.getString("collectivite_name"),
				CollectiviteKind.valueOf(rs.getString("kind")), rs.getString("departement"), rs.getString("region"),
				rs.getLong("population"), AdoptionStatus.valueOf(rs.getString("status")), Timestamps.instant(rs, "since"));
	}

	record OwnAdoption(UUID serviceId, String serviceTitle, AdoptionStatus status, String note, Instant since) {

		public String statusLabel() {
			return status.label();
		}
	}

	List<OwnAdoption> adoptionsOf(Siren siren) {
		return jdbc.sql("""
				select a.service_id, s.title, a.status, a.note, a.since from deployment.adoption a
				join deployment.service s on s.id = a.service_id where a.siren = :siren order by s.title""")
				.param("siren", siren.value())
				.query((rs, n) -> new OwnAdoption(rs.getObject("service_id", UUID.class), rs.getString("title"),
						AdoptionStatus.valueOf(rs.getString("status")), rs.getString("note"), Timestamps.instant(rs, "since")))
				.list();
	}

	/** A count by place (département code) or by kind. */
	record Count(String key, long collectivites, long population) {

		/** In French, as the tables of the service's page show it (a Thymeleaf format per cell cost a fifth of it). */
		public String collectivitesLabel() {
			return Numbers.french(collectivites);
		}

		public String populationLabel() {
			return Numbers.french(population);
		}
	}

	/** The adopters (testing or in service) by département, from the summary the database keeps (V8_2_2). */
	List<Count> byDepartement(UUID service) {
		return jdbc.sql("""
				select departement, sum(collectivites) as n, sum(population) as population from deployment.adoption_place
				where service_id = :s and status in ('EN_TEST', 'EN_SERVICE') and departement <> ''
				group by departement having sum(collectivites) > 0 order by departement""")
				.param("s", service).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
	}

	List<Count> byKind(UUID service) {
		return jdbc.sql("""
				select kind, sum(collectivites) as n, sum(population) as population from deployment.adoption_place
				where service_id = :s and status in ('EN_TEST', 'EN_SERVICE') group by kind having sum(collectivites) > 0
				order by kind""")
				.param("s", service)
				.query((rs, n) -> new Count(CollectiviteKind.valueOf(rs.getString(1)).label(), rs.getLong(2),
						rs.getLong(3)))
				.list();
	}

	/** First declarations by month (a diffusion curve): month "2023-04" and the cumulative count. */
	List<Count> overTime(UUID service) {
		return jdbc.sql("""
				select month, collectivites from deployment.adoption_month where service_id = :s and collectivites > 0
				order by month""")
				.param("s", service).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2), 0)).list();
	}

	record TimelineEntry(Instant at, String kind, String summary) {

		public String day() {
			return Dates.day(at);
		}
	}

	List<TimelineEntry> timeline(UUID service) {
		return jdbc.sql("select at, kind, summary from deployment.timeline where service_id = :s order by at desc, id desc")
				.param("s", service)
				.query((rs, n) -> new TimelineEntry(Timestamps.instant(rs, "at"), rs.getString("kind"), rs.getString("summary")))
				.list();
	}

	record Milestone(UUID id, String title, LocalDate due, LocalDate done, int replanned, boolean late) {

		public String dueLabel() {
			return Dates.day(due);
		}

		public String doneLabel() {
			return Dates.day(done);
		}
	}

	List<Milestone> milestones(UUID service, LocalDate today) {
		return jdbc.sql("select * from deployment.milestone where service_id = :s order by due_on, title")
				.param("s", service)
				.query((rs, n) -> {
					var due = rs.getObject("due_on", LocalDate.class);
					var done = rs.getObject("done_on", LocalDate.class);
					return new Milestone(rs.getObject("id", UUID.class), rs.getString("title"), due, done, rs.getInt("replanned"),
							done == null && due.isBefore(today));
				}).list();
	}

	record TeamMember(String username, String namedBy, Instant namedAt, String removedBy, Instant removedAt) {

		public boolean current() {
			return removedAt == null;
		}

		public String namedOn() {
			return Dates.day(namedAt);
		}

		public String removedOn() {
			return Dates.day(removedAt);
		}
	}

	/** The team and its history (staff and team only: these are people). */
	List<TeamMember> team(UUID service) {
		return jdbc.sql("select * from deployment.team_member where service_id = :s order by named_at, username")
				.param("s", service)
				.query((rs, n) -> new TeamMember(rs.getString("username"), rs.getString("named_by"),
						Timestamps.instant(rs, "named_at"), rs.getString("removed_by"), Timestamps.instant(rs, "removed_at")))
				.list();
	}

	record FeedbackSummary(long count, double satisfaction, long wouldAdopt) {

		public String satisfactionLabel() {
			return String.format(java.util.Locale.FRANCE, "%.1f", satisfaction);
		}
	}

	FeedbackSummary feedbackSummary(UUID service) {
		return jdbc.sql("""
				select count(*), coalesce(avg(satisfaction), 0), count(*) filter (where would_adopt)
				from deployment.feedback where service_id = :s""")
				.param("s", service).query((rs, n) -> new FeedbackSummary(rs.getLong(1), rs.getDouble(2), rs.getLong(3)))
				.single();
	}

	record Feedback(String siren, String collectivite, int satisfaction, boolean wouldAdopt, String text,
			boolean published, Instant updatedAt) {
	}

	/** The feedback texts: all of them for the team and staff, the published ones otherwise. */
	List<Feedback> feedback(UUID service, boolean all) {
		return jdbc.sql("select * from deployment.feedback where service_id = :s" + (all ? "" : " and public")
				+ " order by updated_at desc")
				.param("s", service)
				.query((rs, n) -> new Feedback(rs.getString("siren").trim(), rs.getString("collectivite_name"),
						rs.getInt("satisfaction"), rs.getBoolean("would_adopt"), rs.getString("text"),
						rs.getBoolean("public"), Timestamps.instant(rs, "updated_at")))
				.list();
	}

	record Territory(String siren, String name, CollectiviteKind kind) {

		public String kindLabel() {
			return kind.label();
		}
	}

	/** The current experimentation territories of the service's proposal (organisations; those that left are not). */
	List<Territory> experimentationTerritories(UUID proposal) {
		return jdbc.sql("""
				select siren, collectivite_name, kind from deployment.experimentation_territory
				where proposal_id = :p and marked_at is not null and left_at is null order by collectivite_name""")
				.param("p", proposal)
				.query((rs, n) -> new Territory(rs.getString(1).trim(), rs.getString(2),
						CollectiviteKind.valueOf(rs.getString(3))))
				.list();
	}

	/** The services a person is on the team of. */
	List<Card> servicesOfTeamMember(String username) {
		return jdbc.sql(CARDS + " where s.id in (select service_id from deployment.team_member where username = :u and removed_at is null) order by s.title")
				.param("u", username).query(DeploymentQueries::card).list();
	}
}
