package cocon.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cocon.testing.BrowserTest;

class HomePageBrowserTests extends BrowserTest {

	@Test
	void servesTheHomePageInTheStatesDesignSystem() {
		open("/");
		assertThat(driver.getTitle()).isEqualTo("Accueil — Cocon");
		assertThat(find(By.cssSelector("header.fr-header .fr-header__service-title")).getText()).isEqualTo("Cocon");
		assertThat(find(By.tagName("h1")).getText()).contains("Co-construire");
		assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
	}

	@Test
	void theChecksOfEveryPageFailOnAnAxeViolationAndOnAMachineFormat() {
		open("/");
		assertThat(checkAgainAndTakeProblems()).isEmpty();
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
				var image = document.createElement('img'); image.src = '/dsfr/favicon/favicon.svg';
				var date = document.createElement('p'); date.textContent = 'Décision du 2026-12-01T09:25:17+01:00';
				document.querySelector('main').append(image, date);""");
		assertThat(checkAgainAndTakeProblems()).singleElement().asString()
				.contains("critical image-alt").contains("ISO date or time: «").contains("Décision du 2026-12-01T09:25");
	}

	@Test
	void linksTheAccessibilityStatementFromTheFooter() {
		open("/");
		find(By.linkText("Accessibilité : partiellement conforme")).click();
		assertThat(find(By.tagName("h1")).getText()).isEqualTo("Déclaration d'accessibilité");
	}
}
