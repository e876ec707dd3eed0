package cocon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cocon.shared.Refusal.FieldError;

/** The shared checks of a text field: a required one refused as its field's error, a bounded one collected. */
class RefusalTests {

	@Test
	void aRequiredTextIsRefusedAsItsFieldsErrorOrComesBackStripped() {
		assertThat(Refusal.Invalid.required("note", "  Financé par ACTEE.  ", "Expliquez.")).isEqualTo("Financé par ACTEE.");
		for (var missing : new String[] { null, "", " \t\n" }) {
			assertThatThrownBy(() -> Refusal.Invalid.required("note", missing, "Expliquez."))
					.isInstanceOfSatisfying(Refusal.Invalid.class, refusal -> {
						assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
						assertThat(refusal.getMessage()).isEqualTo("Expliquez.");
						assertThat(refusal.errors()).containsExactly(new FieldError("note", "Expliquez."));
					});
		}
	}

	@Test
	void aBoundedTextIsCheckedOnceStrippedAndEachFaultCollected() {
		var errors = new Refusal.Collector();
		assertThat(errors.requireText("title", "  " + "a".repeat(10) + "  ", 10, "Manquant.", "Trop long.")).isTrue();
		assertThat(errors.isEmpty()).isTrue();

		assertThat(errors.requireText("title", " ", 10, "Manquant.", "Trop long.")).isFalse();
		assertThat(errors.requireText("provider", null, 10, "Indiquez le porteur.", "Trop long.")).isFalse();
		assertThat(errors.requireText("themes[2]", "a".repeat(11), 10, "Vide.", "Dix caractères au plus.")).isFalse();
		assertThat(errors.errors()).containsExactly(new FieldError("title", "Manquant."),
				new FieldError("provider", "Indiquez le porteur."), new FieldError("themes[2]", "Dix caractères au plus."));
		assertThatThrownBy(errors::throwIfAny).isInstanceOf(Refusal.Invalid.class).hasMessage("Manquant.");
	}
}
