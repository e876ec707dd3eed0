package cocon.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import cocon.testing.Identities;

/**
 * Issue 20, finding 6: the curators' CSV export is opened in spreadsheets; a contributor's text that starts like a
 * formula is written so that it stays text there.
 */
class ContributionExportFormulaTests extends CurationTestSupport {

	@Test
	void aContributionStartingLikeAFormulaIsExportedAsText() throws Exception {
		submit(List.of(
				CurationFixtures.contribution(campaign, "=HYPERLINK(\"https://exemple.org\";\"Cliquez\")",
						"+33 6 00 00 00 00", CurationFixtures.THEMES.get(0)),
				CurationFixtures.contribution(campaign, "@SUM(A1:A9)", "-2+3", CurationFixtures.THEMES.get(0)),
				CurationFixtures.contribution(campaign, "Un titre ordinaire", "\tcaché", CurationFixtures.THEMES.get(0))));

		var csv = new String(mvc.perform(get("/api/campaigns/" + campaign.id() + "/contributions/export.csv")
				.with(Identities.as(Identities.curator()))).andReturn().getResponse().getContentAsByteArray(),
				StandardCharsets.UTF_8);

		assertThat(csv).contains("\"'=HYPERLINK(\"\"https://exemple.org\"\";\"\"Cliquez\"\")\"", "'+33 6 00 00 00 00",
				"'@SUM(A1:A9)", "'-2+3", "'\tcaché", ",Un titre ordinaire,");
		for (var line : csv.split("\r\n")) {
			for (var cell : line.split(",")) {
				var text = cell.startsWith("\"") ? cell.substring(1) : cell;
				assertThat(text).as("a cell of %s", line).doesNotStartWith("=").doesNotStartWith("+")
						.doesNotStartWith("@").doesNotStartWith("\t");
			}
		}
	}
}
