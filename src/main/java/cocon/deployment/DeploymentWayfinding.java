package cocon.deployment;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.identity.CurrentUser;
import cocon.shared.wayfinding.WayfindingTexts;
import cocon.shared.wayfinding.WorkItem;
import cocon.shared.wayfinding.WorkItems;

/**
 * The deployment module's part of « Mon espace »: the services a person is on the team of, and for an agent of a
 * collectivité, the catalogue and what the collectivité declared.
 */
@Component
class DeploymentWayfinding implements WorkItems {

	private final DeploymentQueries queries;
	private final JdbcClient jdbc;
	private final WayfindingTexts texts;

	DeploymentWayfinding(DeploymentQueries queries, JdbcClient jdbc, MessageSource messages) {
		this.queries = queries;
		this.jdbc = jdbc;
		this.texts = new WayfindingTexts(messages);
	}

	@Override
	public List<WorkItem> of(CurrentUser user) {
		var items = new ArrayList<WorkItem>();
		var group = texts.text("deployment.space.group");
		for (var card : queries.servicesOfTeamMember(user.username())) {
			items.add(new WorkItem(group, card.title(), "/services/" + card.id() + "#equipe",
					texts.text("deployment.space.team", 1) + " : " + card.phaseLabel(), false));
		}
		var organisation = user.organisation();
		if (organisation == null || organisation.kind() == cocon.shared.CollectiviteKind.OTHER) {
			return items;
		}
		boolean anyService = jdbc.sql("select exists (select 1 from deployment.service)").query(Boolean.class).single();
		if (!anyService) {
			return items;
		}
		long declared = queries.adoptionsOf(organisation.siren()).size();
		items.add(new WorkItem(group, texts.text("deployment.space.catalogue"), "/services",
				declared == 0 ? null : texts.text("deployment.space.adoptions", declared), false));
		return items;
	}
}
