package cocon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The format check of {@link PageChecks}, on texts seen on pages before issue 9 and on what must stay allowed. */
class PageChecksTests {

	@Test
	void flagsTheMachineFormatsPeopleFoundOnThePages() {
		assertThat(PageChecks.formats("Décision du 2026-12-01T09:25:17.107166+01:00")).anyMatch(p -> p.startsWith("ISO"));
		assertThat(PageChecks.formats("Jalon — 2021-12-15")).anyMatch(p -> p.startsWith("ISO"));
		assertThat(PageChecks.formats("Score 60.0")).anyMatch(p -> p.startsWith("decimal point"));
		assertThat(PageChecks.formats("1 contribution(s) en attente")).anyMatch(p -> p.startsWith("\"(s)\" plural"));
		assertThat(PageChecks.formats("Le rôle est obligatoire (ELU, AGENT ou PARTENAIRE).")).hasSize(3)
				.allMatch(p -> p.startsWith("enum name"));
	}

	@Test
	void letsFrenchNumbersVersionsAndAcronymsThrough() {
		assertThat(PageChecks.formats("""
				Enveloppe : 30 000 000 € ; score 86,7 ; 3 mai 2021 à 10h00 ; SIREN 216901231 ; EPCI ; API ;
				Référentiel général d'amélioration de l'accessibilité (RGAA) version 4.1 ; licence etalab-2.0""")).isEmpty();
	}
}
