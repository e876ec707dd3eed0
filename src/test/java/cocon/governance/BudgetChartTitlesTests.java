package cocon.governance;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cocon.testing.Identities;
import cocon.testing.MutableClock;
import cocon.testing.TestClockConfiguration;

/**
 * Issue 20, finding 11: a curator's proposal title reaches the budget chart, once drawn by DSFR Chart whose tooltip
 * used {@code innerHTML}; the chart by proposal is now drawn by the server (issue 25, point 7), the title text there
 * too. In the whole application (the module's own test context lacks the identities since the split).
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
	void aProposalTitleIsTextInTheBudgetChartNeverMarkupAndItsAmountIsWrittenInFrench() throws Exception {
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
		// the chart by proposal is drawn by the server: the title is text there, escaped once, never an attribute
		// handed to a script; its amount is written in French beside its bar (issue 25, point 7)
		assertThat(page).doesNotContain("<bar-chart");
		var bars = page.substring(page.indexOf("<ol class=\"cocon-bars\""), page.indexOf("</ol>", page.indexOf("<ol class=\"cocon-bars\"")));
		assertThat(bars).contains("<span class=\"cocon-bars__label\">Urbanisme &lt;img src=x onerror=alert(1)&gt; &amp; co</span>")
				.contains(">1\u00a0M€</span>").contains("width=\"100.0\"");
		// the table shows the title as text, escaped once
		assertThat(page).contains("Urbanisme &lt;img src=x onerror=alert(1)&gt; &amp; co");
	}
}
