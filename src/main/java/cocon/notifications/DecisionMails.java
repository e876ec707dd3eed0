package cocon.notifications;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

import cocon.deployment.events.AdoptionDeclared;
import cocon.deployment.events.ServicePhaseChanged;
import cocon.governance.events.CampaignEvent;
import cocon.governance.events.ProjectsFunded;
import cocon.governance.events.ProposalsShortlisted;
import cocon.referents.events.WorkingGroupFormed;
import cocon.shared.CollectiviteKind;
import cocon.shared.ProposalId;
import cocon.shared.Timestamps;
import cocon.voting.events.SupportsClosed;
import cocon.voting.events.SupportsRecorded;

/**
 * What the agents and élus of collectivités are told when something is decided: the results when the supports close,
 * the shortlist and the funding of the proposals their collectivité supported (and, for the contributors, of the
 * proposal their contribution became), the call for referent territories, a service they supported or are interested
 * in becoming available. Also keeps what choosing them needs: the campaigns' calendars, who supports what.
 */
@Component
class DecisionMails {

	/** Agents and élus of a collectivité of the kinds given as {@code :kinds}. */
	static final String COLLECTIVITES_OF_KINDS = "r.siren is not null and r.organisation_kind = any(:kinds)";

	/** Agents and élus of a collectivité that supports the proposal {@code :proposal}. */
	static final String SUPPORTERS = """
			r.siren in (select s.siren from notifications.support s where s.proposal_id = :proposal)""";

	private final JdbcClient jdbc;
	private final Outbox outbox;
	private final ContributorMails contributors;
	private final News news;

	DecisionMails(JdbcClient jdbc, Outbox outbox, ContributorMails contributors, News news) {
		this.jdbc = jdbc;
		this.news = news;
		this.outbox = outbox;
		this.contributors = contributors;
	}

	/** A campaign scheduled or its calendar changed: the newest snapshot wins, whatever the order of delivery. */
	void on(CampaignEvent event) {
		var campaign = event.campaign();
		var calendar = campaign.calendar();
		jdbc.sql("""
				insert into notifications.campaign as c (id, title, contributions_opens, contributions_closes,
				    supports_opens, supports_closes, shortlist_decision, funding_decision, support_kinds,
				    working_group_kinds, as_of)
				values (:id, :title, :co, :cc, :so, :sc, :shortlist, :funding, :supportKinds, :groupKinds, :asOf)
				on conflict (id) do update set title = excluded.title, contributions_opens = excluded.contributions_opens,
				    contributions_closes = excluded.contributions_closes, supports_opens = excluded.supports_opens,
				    supports_closes = excluded.supports_closes, shortlist_decision = excluded.shortlist_decision,
				    funding_decision = excluded.funding_decision, support_kinds = excluded.support_kinds,
				    working_group_kinds = excluded.working_group_kinds, as_of = excluded.as_of
				where c.as_of < excluded.as_of""")
				.param("id", campaign.id().id())
				.param("title", campaign.title())
				.param("co", Timestamps.column(calendar.contributions().opens()))
				.param("cc", Timestamps.column(calendar.contributions().closes()))
				.param("so", Timestamps.column(calendar.supports().opens()))
				.param("sc", Timestamps.column(calendar.supports().closes()))
				.param("shortlist", java.sql.Date.valueOf(calendar.shortlistDecision()))
				.param("funding", java.sql.Date.valueOf(calendar.fundingDecision()))
				.param("supportKinds", kinds(campaign.supportKinds()))
				.param("groupKinds", kinds(campaign.workingGroupKinds()))
				.param("asOf", Timestamps.column(campaign.asOf()))
				.update();
	}

	/** Who supports what: the most recent change of a collectivité for a proposal wins. */
	/**
	 * Who supports what, one statement for the supports given and one for those withdrawn, whatever the size of the
	 * batch (ADR 0064). A collectivité that supported then withdrew within the batch is removed: its changes are
	 * applied in the order of the batch, the given first, as one statement each did before.
	 */
	void on(SupportsRecorded event) {
		if (!event.given().isEmpty()) {
			jdbc.sql("""
					insert into notifications.support (campaign_id, proposal_id, siren)
					select * from unnest(cast(:campaigns as uuid[]), cast(:proposals as uuid[]), cast(:sirens as char(9)[]))
					on conflict do nothing""")
					.param("campaigns", new SqlArrayValue("text", event.given().stream()
							.map(given -> given.campaignId().id().toString()).toArray()))
					.param("proposals", new SqlArrayValue("text", event.given().stream()
							.map(given -> given.proposalId().id().toString()).toArray()))
					.param("sirens", new SqlArrayValue("text", event.given().stream()
							.map(given -> given.siren().value()).toArray()))
					.update();
		}
		if (!event.withdrawn().isEmpty()) {
			jdbc.sql("""
					delete from notifications.support s
					using unnest(cast(:proposals as uuid[]), cast(:sirens as char(9)[])) as w(proposal_id, siren)
					where s.proposal_id = w.proposal_id and s.siren = w.siren""")
					.param("proposals", new SqlArrayValue("text", event.withdrawn().stream()
							.map(withdrawn -> withdrawn.proposalId().id().toString()).toArray()))
					.param("sirens", new SqlArrayValue("text", event.withdrawn().stream()
							.map(withdrawn -> withdrawn.siren().value()).toArray()))
					.update();
		}
	}

	void on(SupportsClosed event) {
		var campaign = campaignTitle(event.campaignId().id());
		if (campaign == null) {
			return;
		}
		var leaders = event.tallies().stream()
				.sorted(Comparator.comparingInt(SupportsClosed.Tally::supportCount).reversed())
				.limit(5)
				.map(tally -> "« " + proposalTitle(tally.proposalId()) + " » : " + tally.supportCount() + " soutien"
						+ (tally.supportCount() > 1 ? "s" : ""))
				.toList();
		var paragraphs = new java.util.ArrayList<String>();
		paragraphs.add("Les soutiens de la campagne « " + campaign + " » sont clos : " + event.totalSupports()
				+ " soutien" + (event.totalSupports() > 1 ? "s" : "") + " au total, sur " + event.tallies().size()
				+ " proposition" + (event.tallies().size() > 1 ? "s" : "") + ".");
		if (!leaders.isEmpty()) {
			paragraphs.add("Les plus soutenues :\n" + String.join("\n", leaders));
		}
		paragraphs.add("Le comité de la campagne choisit maintenant les propositions présélectionnées.");
		news.publish("results:" + event.campaignId(), event.campaignId().id(), "Les soutiens sont clos",
				String.join("\n", paragraphs.subList(0, paragraphs.size() - 1)),
				"/campagnes/" + event.campaignId() + "/propositions", event.closedAt());
		outbox.queue("results:" + event.campaignId(), Kind.RESULTS,
				Mail.of("[Cocon] Les soutiens sont clos : les résultats de « " + campaign + " »", paragraphs,
						"Voir le classement des propositions",
						outbox.link("/campagnes/" + event.campaignId() + "/propositions")),
				"r.siren is not null and r.organisation_kind = any(select unnest(support_kinds) from notifications.campaign where id = :campaign)",
				Map.of("campaign", event.campaignId().id()));
	}

	void on(ProposalsShortlisted event) {
		news.publish("shortlist:" + event.decisionId(), event.campaignId().id(),
				event.proposals().size() + " proposition" + (event.proposals().size() > 1 ? "s présélectionnées" : " présélectionnée"),
				"Le comité a présélectionné : " + String.join(" ; ", event.proposals().stream()
						.map(ProposalsShortlisted.ShortlistedProposal::title).toList()) + ".",
				"/campagnes/" + event.campaignId(), event.decidedAt());
		for (var proposal : event.proposals()) {
			var title = proposal.title();
			var link = outbox.link("/propositions/" + proposal.proposalId());
			outbox.queue("shortlisted:" + event.decisionId() + ":" + proposal.proposalId(), Kind.DECISIONS,
					Mail.of("[Cocon] Une proposition que votre collectivité soutient est présélectionnée",
							List.of("Le comité a présélectionné la proposition « " + title
									+ " », que votre collectivité a soutenue. Votre collectivité peut maintenant "
									+ "rejoindre son groupe de travail comme territoire référent."),
							"Voir la proposition", link),
					SUPPORTERS, Map.of("proposal", proposal.proposalId().id()));
			contributors.toContributors(proposal.proposalId(), "contributors-shortlisted:" + event.decisionId() + ":"
					+ proposal.proposalId(),
					Mail.of("[Cocon] La proposition issue de votre contribution est présélectionnée",
							List.of("Le comité a présélectionné la proposition « " + title
									+ " », qui reprend votre contribution."),
							"Voir la proposition", link));
		}
	}

	void on(ProjectsFunded event) {
		news.publish("funding:" + event.decisionId(), event.campaignId().id(),
				event.projects().size() + " projet" + (event.projects().size() > 1 ? "s financés" : " financé"),
				"Le comité a financé : " + String.join(" ; ", event.projects().stream()
						.map(project -> project.title() + " (" + project.provider() + ")").toList()) + ".",
				"/campagnes/" + event.campaignId(), event.decidedAt());
		for (var project : event.projects()) {
			var link = outbox.link("/propositions/" + project.proposalId());
			var words = "Le comité a financé le projet « " + project.title() + " » (" + project.provider()
					+ "), qui répond à la proposition « " + proposalTitle(project.proposalId()) + " »";
			outbox.queue("funded:" + event.decisionId() + ":" + project.projectId(), Kind.DECISIONS,
					Mail.of("[Cocon] Un projet répondant à une proposition soutenue par votre collectivité est financé",
							List.of(words + ", que votre collectivité a soutenue."), "Voir la proposition", link),
					SUPPORTERS, Map.of("proposal", project.proposalId().id()));
			contributors.toContributors(project.proposalId(), "contributors-funded:" + event.decisionId() + ":"
					+ project.projectId(),
					Mail.of("[Cocon] Un projet issu de votre contribution est financé",
							List.of(words + ", qui reprend votre contribution."), "Voir la proposition", link));
		}
	}

	void on(WorkingGroupFormed event) {
		news.publish("referent-call:" + event.proposalId(), event.campaignId().id(),
				"Appel à territoires référents : « " + event.proposalTitle() + " »",
				"Les collectivités peuvent rejoindre le groupe de travail de cette proposition présélectionnée.",
				"/propositions/" + event.proposalId() + "/groupe-de-travail", event.formedAt());
		outbox.queue("referent-call:" + event.proposalId(), Kind.REFERENT_CALL,
				Mail.of("[Cocon] Appel à territoires référents : « " + event.proposalTitle() + " »",
						List.of("Le groupe de travail de la proposition présélectionnée « " + event.proposalTitle()
								+ " » est ouvert. Votre collectivité peut s'y inscrire comme territoire référent et "
								+ "participer aux ateliers de définition du besoin."),
						"Candidater comme territoire référent",
						outbox.link("/propositions/" + event.proposalId() + "/candidature")),
				"r.siren is not null and r.organisation_kind = any(select unnest(working_group_kinds) from notifications.campaign where id = :campaign)",
				Map.of("campaign", event.campaignId().id()));
	}

	void on(AdoptionDeclared event) {
		if ("INTERESSEE".equals(event.status())) {
			jdbc.sql("insert into notifications.interest (service_id, siren) values (?, ?) on conflict do nothing")
					.params(event.serviceId(), event.siren().value()).update();
		}
	}

	void on(ServicePhaseChanged event) {
		if (!"DISPONIBLE".equals(event.phase())) {
			return;
		}
		var link = outbox.link("/services/" + event.serviceId());
		news.publish("service-available:" + event.serviceId(), event.campaignId().id(),
				"Service disponible : « " + event.serviceTitle() + " »",
				"Le service « " + event.serviceTitle() + " » est désormais disponible pour les collectivités.",
				"/services/" + event.serviceId(), event.changedAt());
		outbox.queue("service-available:" + event.serviceId(), Kind.SERVICE_AVAILABLE,
				Mail.of("[Cocon] Le service « " + event.serviceTitle() + " » est disponible",
						List.of("Le service « " + event.serviceTitle() + " », issu d'une proposition que votre "
								+ "collectivité a soutenue ou qui l'intéresse, est désormais disponible."),
						"Découvrir le service", link),
				SUPPORTERS + " or r.siren in (select i.siren from notifications.interest i where i.service_id = :service)",
				Map.of("proposal", event.proposalId().id(), "service", event.serviceId()));
		contributors.toContributors(event.proposalId(), "contributors-service-available:" + event.serviceId(),
				Mail.of("[Cocon] Un service issu de votre contribution est disponible",
						List.of("Le service « " + event.serviceTitle() + " », issu de la proposition qui reprend "
								+ "votre contribution, est désormais disponible."),
						"Découvrir le service", link));
	}

	private String campaignTitle(UUID campaign) {
		return jdbc.sql("select title from notifications.campaign where id = ?").param(campaign)
				.query(String.class).optional().orElse(null);
	}

	private String proposalTitle(ProposalId proposal) {
		return jdbc.sql("select title from notifications.proposal where id = ?").param(proposal.id())
				.query(String.class).optional().orElse("proposition " + proposal);
	}

	private static String[] kinds(java.util.Set<CollectiviteKind> kinds) {
		return kinds.stream().map(Enum::name).sorted().toArray(String[]::new);
	}
}
