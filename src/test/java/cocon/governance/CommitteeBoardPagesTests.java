package cocon.governance;

import static cocon.testing.Identities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;

import cocon.curation.events.ProposalPublished;
import cocon.testing.Identities;
import cocon.testing.MutableClock;

/**
 * Issue 25, point 4: the committee's work at the size of a real campaign — a page of the proposals left to assess,
 * each assessment back on its row with its message, no level chosen in advance, the note shown back; the shortlist
 * decided on its own page once its day has come, a refusal keeping the ticks and the rationale; members by name.
 */
@GovernanceTest
class CommitteeBoardPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ProposalBook book;

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(as(Identities.committee(1)))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
	}

	@Test
	void aMemberAssessesFromAPageOfTheProposalsLeftAndComesBackToTheRowWithItsNote(Scenario scenario)
			throws Exception {
		clock.set("2021-04-20T10:00:00+02:00");
		var steps = new CommitteeSteps(mvc, book);
		var campaign = steps.campaignWithCommittee("Comité à l'échelle");
		var proposals = new ArrayList<ProposalPublished>();
		for (int i = 1; i <= 18; i++) {
			proposals.add(CommitteeSteps.published(campaign, "Proposition %02d à évaluer".formatted(i)));
		}
		steps.publish(scenario, campaign, proposals);
		var board = "/campagnes/" + campaign + "/comite";

		var first = page(board);
		assertThat(first).contains("À évaluer par vous (18)").contains("Évaluées par vous (0)")
				.contains("1 à 10 sur 18").contains("Page suivante").contains("Anne Lefèvre (AMF)")
				// the one pagination (issue 25): the filter kept, back to the list's anchor, pages counted from 1
				.containsPattern("class=\"fr-pagination__link\" href=\"/campagnes/[0-9a-f-]{36}/comite\\?vue=a-evaluer(&amp;\\w+=[^&\"]*)*&amp;page=2#propositions\"")
				.doesNotContain("(committee1)");
		assertThat(Pattern.compile("<tr id=\"proposition-").matcher(first).results().count()).isEqualTo(10);
		// issue 26: the member's page is sent uncompressed (ADR 48), so it stays light: one form of conflict of
		// interest for the page, no hidden field repeated by the rows' forms, no empty parameter in the links
		// (34.5 KB with a form in each row, more than 60 KB with fifteen rows and their two forms each)
		assertThat(first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(28_000);
		assertThat(Pattern.compile("name=\"reason\"").matcher(first).results().count()).isEqualTo(1);
		assertThat(first).doesNotContain("type=\"hidden\" name=\"proposalId\"").doesNotContain("Weight=&amp;")
				.doesNotContain("Weight=\"");
		// no assessment form per row (issue 26, ADR 60): each row's link asks for the page with its form, which the
		// page's script puts in the row; nothing chosen for the member: the empty choice is the one selected
		var top = UUID.fromString(Pattern.compile("<tr id=\"proposition-([0-9a-f-]{36})\"").matcher(first).results()
				.findFirst().orElseThrow().group(1));
		assertThat(first).doesNotContain("name=\"level\"").contains("href=\"" + board + "?vue=a-evaluer&amp;page=1&amp;evaluer="
				+ top + "#niveau-" + top + "\"");
		var opened = page(board + "?vue=a-evaluer&page=1&evaluer=" + top);
		assertThat(Pattern.compile("name=\"level\"").matcher(opened).results().count()).isEqualTo(1);
		assertThat(row(opened, top)).contains("<option value=\"\" disabled selected=\"selected\">— choisir —</option>")
				.doesNotContain("<option value=\"1\" selected=\"selected\">");

		var last = proposals.get(17).proposalId().id();
		var second = page(board + "?vue=a-evaluer&page=2");
		assertThat(second).contains("11 à 18 sur 18").contains("id=\"proposition-" + last + "\"");

		var assessed = mvc.perform(post(board + "/maturite").with(as(Identities.committee(1))).with(csrf())
				.param("proposalId", last.toString()).param("level", "2")
				.param("note", "Besoin confirmé par trois communes.").param("vue", "a-evaluer").param("page", "2"))
				// its maturity puts it first in the ranking: back on its row, on the page where it now stands
				.andExpect(redirectedUrl(board + "?vue=a-evaluer&page=1#message-" + last))
				.andExpect(flash().attribute("row", last))
				.andReturn();
		// the proposal stays in the list of those to assess this once, with the message a screen reader hears
		// (the flash attributes travel in the session, as in a browser: its cookie is sent back)
		var back = mvc.perform(get(board + "?vue=a-evaluer&page=1").with(as(Identities.committee(1)))
				.cookie(assessed.getResponse().getCookies())).andReturn().getResponse().getContentAsString();
		var row = row(back, last);
		assertThat(row).contains("role=\"status\"").contains("Votre évaluation de « Proposition 18 à évaluer » est "
				+ "enregistrée : 2 — Besoin confirmé.").contains("Besoin confirmé par trois communes.</textarea>")
				.contains("<option value=\"2\" selected=\"selected\">").contains("Modifier");

		var assessedList = page(board + "?vue=evaluees");
		assertThat(assessedList).contains("Évaluées par vous (1)").contains("À évaluer par vous (17)");
		assertThat(row(assessedList, last)).contains("2 — Besoin confirmé").contains("Modifier mon évaluation");
		assertThat(row(page(board + "?vue=evaluees&evaluer=" + last), last))
				.contains("Besoin confirmé par trois communes.</textarea>").contains("<option value=\"2\" selected=\"selected\">");
		assertThat(page(board + "?vue=a-evaluer")).doesNotContain("id=\"proposition-" + last + "\"");

		// a level is required: without one, the refusal is said on the row, and nothing is recorded
		var other = proposals.get(0).proposalId().id();
		mvc.perform(post(board + "/maturite").with(as(Identities.committee(1))).with(csrf())
				.param("proposalId", other.toString()).param("note", "Sans niveau"))
				.andExpect(redirectedUrl(board + "?vue=a-evaluer&page=1#message-" + other))
				.andExpect(flash().attribute("rowError", "Choisissez un niveau de maturité pour « Proposition 01 à évaluer »."));
		assertThat(page(board)).contains("Évaluées par vous (1)");

		// a conflict is declared in the page's one form: a row's link chooses its proposal there (the script does it
		// in place; without it, the page comes back with that proposal chosen)
		var toutes = page(board + "?vue=toutes");
		assertThat(row(toutes, other)).contains("data-conflit")
				.contains("href=\"" + board + "?vue=toutes&amp;page=1&amp;conflit=" + other + "#conflit\"");
		assertThat(toutes).contains("<option value=\"\" disabled selected=\"selected\">Choisir une proposition</option>");
		assertThat(page(board + "?vue=toutes&page=1&conflit=" + other))
				.contains("<option value=\"" + other + "\" selected=\"selected\">Proposition 01 à évaluer</option>")
				.contains("action=\"" + board + "/conflits?vue=toutes&amp;page=1\"");
		// a conflict declared comes back to its row too, and the member is named in it
		mvc.perform(post(board + "/conflits").with(as(Identities.committee(1))).with(csrf())
				.param("proposalId", other.toString()).param("reason", "Mon association porte ce projet.")
				.param("vue", "toutes").param("page", "1"))
				.andExpect(redirectedUrl(board + "?vue=toutes&page=1#message-" + other));
		var conflicts = page(board + "?vue=conflits");
		assertThat(conflicts).contains("Avec un conflit d&#39;intérêts (1)");
		assertThat(row(conflicts, other)).contains("En conflit :").contains("Anne Lefèvre (AMF)")
				.contains("Vous ne prenez pas part à cet examen.");
	}

	@Test
	void theShortlistFormOpensOnItsDayAndARefusalKeepsTheTicksAndTheRationale(Scenario scenario) throws Exception {
		clock.set("2021-04-20T10:00:00+02:00");
		var steps = new CommitteeSteps(mvc, book);
		var campaign = steps.campaignWithCommittee("Présélection à son jour");
		var a = CommitteeSteps.published(campaign, "Signalement d'incidents par les usagers");
		var b = CommitteeSteps.published(campaign, "Diagnostic numérique des communes");
		var c = CommitteeSteps.published(campaign, "Proposition laissée de côté");
		steps.publish(scenario, campaign, java.util.List.of(a, b, c));
		var board = "/campagnes/" + campaign + "/comite";
		var shortlist = board + "/preselection";

		assertThat(page(board)).contains("La présélection se décide à partir du <strong>lundi 3 mai 2021</strong>")
				.doesNotContain("href=\"" + shortlist + "\"");
		assertThat(page(shortlist)).contains("ce formulaire s'ouvrira ce jour-là").doesNotContain("name=\"proposalIds\"");

		clock.set("2021-05-03T10:00:00+02:00");
		assertThat(page(board)).contains("href=\"" + shortlist + "\"");
		assertThat(page(shortlist)).contains("0 sélectionnée sur un objectif de 17").contains("name=\"proposalIds\"")
				.contains("Anne Lefèvre (AMF)");

		var rationale = "Les deux besoins les plus partagés, des solutions à adapter.";
		var refused = mvc.perform(post(shortlist).with(as(Identities.committee(1))).with(csrf())
				.param("proposalIds", a.proposalId().toString(), b.proposalId().toString())
				.param("rationale", rationale).param("presentMembers", "committee2").param("confirmation", "oui"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Le formulaire contient des erreurs")
				.contains("<a href=\"#membres-presents\">Vous enregistrez la décision : cochez-vous parmi les membres présents.</a>")
				.contains("2 sélectionnées sur un objectif de 17").contains(rationale + "</textarea>");
		assertThat(checked(refused, "retenir-" + a.proposalId())).isTrue();
		assertThat(checked(refused, "retenir-" + b.proposalId())).isTrue();
		assertThat(checked(refused, "retenir-" + c.proposalId())).isFalse();
		assertThat(checked(refused, "present-committee2")).isTrue();
		assertThat(checked(refused, "present-committee1")).isFalse();
		mvc.perform(get("/api/campaigns/" + campaign + "/decisions"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
						.jsonPath("$.shortlistDecisions.length()").value(0));

		mvc.perform(post(shortlist).with(as(Identities.committee(1))).with(csrf())
				.param("proposalIds", a.proposalId().toString(), b.proposalId().toString())
				.param("rationale", rationale).param("presentMembers", "committee1", "committee2")
				.param("confirmation", "oui"))
				.andExpect(redirectedUrl("/campagnes/" + campaign + "/decisions"))
				.andExpect(flash().attribute("success", "La présélection de 2 propositions est enregistrée et publiée."));
		// a correction starts from the shortlist in force
		var again = page(shortlist);
		assertThat(again).contains("2 sélectionnées sur un objectif de 17");
		assertThat(checked(again, "retenir-" + a.proposalId())).isTrue();
	}

	/** The row of that proposal in the page. */
	private static String row(String page, UUID proposal) {
		int start = page.indexOf("<tr id=\"proposition-" + proposal + "\"");
		assertThat(start).as("the row of %s", proposal).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	/** Whether the box of that id is ticked in the page. */
	private static boolean checked(String page, String id) {
		var input = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(page);
		assertThat(input.find()).as("the box %s", id).isTrue();
		return input.group().contains("checked");
	}
}
