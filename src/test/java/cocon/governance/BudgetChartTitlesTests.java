package cocon.governance;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import cocon.testing.Identities;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 20, finding 11: a curator's proposal title reaches the budget chart, whose tooltip DSFR Chart builds with
 * {@code innerHTML}. In the whole application (the module's own test context lacks the identities since the
 * split). What the script reads from the attribute (once the browser decoded it) holds no markup.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class BudgetChartTitlesTests {

	static final String TITLE = "Urbanisme <img src=x onerror=alert(1)> & co";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ProposalBook book;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aProposalTitleIsTextInTheChartTooltipNeverMarkup() throws Exception {
		clock.set("2021-04-20T10:00:00+02:00");
		var steps = new CommitteeSteps(mvc, book);
		var campaign = steps.campaignWithCommittee("Titres dans le graphique");
		var proposal = CommitteeSteps.published(campaign, TITLE);
		transactions.executeWithoutResult(status -> events.publishEvent(proposal));
		await().atMost(Duration.ofSeconds(30)).until(() -> book.standing(campaign).size() == 1);
		clock.set("2021-05-03T10:00:00+02:00");
		steps.json(post("/api/campaigns/" + campaign + "/shortlist"), Identities.committee(1),
				"{\"proposalIds\": [\"" + proposal.proposalId() + "\"], \"rationale\": \"La plus soutenue\"}")
				.andExpect(status().isCreated());
		clock.set("2021-07-05T10:00:00+02:00");
		steps.json(post("/api/campaigns/" + campaign + "/funded-projects"), Identities.committee(2), """
				{"proposalId": "%s", "provider": "Coopérative", "title": "Projet", "budgetEuros": 1000000,
				 "milestones": [{"label": "Prototype", "due": "2021-12-15"}]}""".formatted(proposal.proposalId()))
				.andExpect(status().isCreated());

		var page = mvc.perform(get("/campagnes/" + campaign + "/budget").with(as(Identities.lyon())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		var attribute = Pattern.compile("<bar-chart[^>]* x=\"([^\"]*)\"").matcher(page);
		assertThat(attribute.find()).as("the bar chart's labels").isTrue();
		// what the chart's script gets: the attribute as the browser decodes it, then its JSON
		var labels = JsonMapper.builder().build().readTree(HtmlUtils.htmlUnescape(attribute.group(1)));
		var label = labels.get(0).get(0).asString();
		assertThat(label).doesNotContain("<").contains("&lt;img src=x onerror=alert(1)&gt;").contains("&amp; co");
		// the table shows the title as text, escaped once
		assertThat(page).contains("Urbanisme &lt;img src=x onerror=alert(1)&gt; &amp; co");
	}
}
