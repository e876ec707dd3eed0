package cocon.shared.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cocon.shared.ListPage;
import cocon.shared.opendata.TableSchema.Field;
import cocon.shared.opendata.TableSchema.Type;

class TabularFormatTests {

	static final TableSchema SCHEMA = new TableSchema(List.of(Field.of("code", Type.STRING, "Code", ""),
			Field.of("texte", Type.STRING, "Texte", ""), Field.of("montant", Type.NUMBER, "Montant", ""),
			Field.of("le", Type.DATETIME, "Le", ""), Field.of("jour", Type.DATE, "Jour", ""),
			Field.of("oui", Type.BOOLEAN, "Oui", "")), List.of("code"));

	@Test
	void writesCsvAsEtalabRecommendsQuotingOnlyWhatNeedsIt() {
		var out = new ByteArrayOutputStream();
		try (var writer = TabularFormat.CSV.open(out, SCHEMA, "t")) {
			writer.row("2A004", "Ajaccio, « cité impériale »\nsur \"deux\" lignes", new BigDecimal("1234.50"),
					Instant.parse("2021-04-01T07:30:15.123456Z"), LocalDate.of(2021, 5, 3), true);
			writer.row("01053", null, null, null, null, false);
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("code,texte,montant,le,jour,oui\r\n"
				+ "2A004,\"Ajaccio, « cité impériale »\nsur \"\"deux\"\" lignes\",1234.50,2021-04-01T09:30:15+02:00,2021-05-03,true\r\n"
				+ "01053,,,,,false\r\n");
		assertThat(out.toByteArray()[0]).as("pas de BOM").isEqualTo((byte) 'c');
	}

	@Test
	void writesJsonRowsKeyedByFieldWithNumbersAsNumbers() {
		var out = new ByteArrayOutputStream();
		try (var writer = TabularFormat.JSON.open(out, SCHEMA, "t")) {
			writer.row("2A004", "é", new BigDecimal("1.5"), Instant.parse("2021-01-10T09:00:00Z"), null, false);
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
				"[{\"code\":\"2A004\",\"texte\":\"é\",\"montant\":1.5,\"le\":\"2021-01-10T10:00:00+01:00\",\"jour\":null,\"oui\":false}]");
	}

	@Test
	void refusesARowOfTheWrongWidth() {
		try (var writer = TabularFormat.CSV.open(new ByteArrayOutputStream(), SCHEMA, "t")) {
			assertThatThrownBy(() -> writer.row("a", "b")).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void pagesAListInItsOrderAndLinksTheNeighbours() {
		var page = ListPage.of(List.of(1, 2, 3, 4, 5), 1, 2);
		assertThat(page.items()).containsExactly(3, 4);
		assertThat(page.total()).isEqualTo(5);
		assertThat(page.link("/api/x")).isEqualTo(
				"</api/x?page=2&size=2>; rel=\"next\", </api/x?page=0&size=2>; rel=\"prev\"");
		assertThat(ListPage.of(List.of(1), 3, 2).items()).isEmpty();
		assertThat(ListPage.valid(0, 501)).isFalse();
		assertThat(ListPage.valid(-1, 10)).isFalse();
	}
}
