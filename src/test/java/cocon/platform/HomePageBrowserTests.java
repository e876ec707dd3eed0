package cocon.platform;

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
	void linksTheAccessibilityStatementFromTheFooter() {
		open("/");
		find(By.linkText("Accessibilité : partiellement conforme")).click();
		assertThat(find(By.tagName("h1")).getText()).isEqualTo("Déclaration d'accessibilité");
	}
}
