package cocon.shared.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
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

	/**
	 * Issue 26, acceptance 3 (ADR 0069): the CSV writer writes plain fields itself and the others through Commons CSV;
	 * its bytes stay those of Commons CSV's printer for every kind of field, first of its line or not.
	 */
	@Test
	void writesTheCsvBytesOfCommonsCsvForEveryKindOfField() throws Exception {
		var texts = new ArrayList<String>(List.of("", " ", "a", "Évry", "Ajaccio", "2A004", "01053", "#x", "!x", "\"x",
				"x\"", " x", "x ", "x\t", "\tx", "a,b", "a\rb", "a\nb", "-1", "=1+2", "+33", "@x", "l'Île", "a b",
				"Saint-Denis", "\u2028x", "x\u2028", "ÿ", "~x", "x~", "_x", "[x]", "2021-04-01T09:30:15+02:00", "12.50"));
		for (char c = 0; c < 128; c++) {
			texts.add(c + "x");
			texts.add("x" + c);
			texts.add("x" + c + "x");
		}
		var schema = new TableSchema(List.of(Field.of("a", Type.STRING, "A", ""), Field.of("b", Type.STRING, "B", "")),
				List.of("a"));
		var out = new ByteArrayOutputStream();
		var expected = new StringWriter();
		try (var writer = TabularFormat.CSV.open(out, schema, "t");
				var printer = CSVFormat.RFC4180.print(expected)) {
			printer.printRecord("a", "b");
			for (var first : texts) {
				for (var second : List.of("", "x", first)) {
					writer.row(first, second);
					printer.printRecord(first, second);
					writer.row(second, first);
					printer.printRecord(second, first);
				}
			}
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
	}

	/** The dates written by hand are those of {@code ISO_OFFSET_DATE_TIME}, around the changes of time too. */
	@Test
	void writesDatesAsTheIsoFormatterWithTheParisOffset() {
		var instants = new ArrayList<Instant>(List.of(Instant.parse("2021-03-28T00:59:59.999Z"),
				Instant.parse("2021-03-28T01:00:00Z"), Instant.parse("2021-10-31T00:59:59Z"),
				Instant.parse("2021-10-31T01:00:00.5Z"), Instant.parse("2021-10-31T00:59:59.9Z"),
				Instant.parse("2021-03-28T01:00:00Z"), Instant.parse("2021-03-28T00:59:59Z"),
				Instant.parse("2021-03-28T01:00:01Z"), Instant.parse("1969-12-31T23:59:59.5Z"), Instant.EPOCH,
				Instant.parse("0999-12-31T23:00:00Z"), Instant.parse("1911-03-11T00:00:00Z"),
				Instant.parse("9999-12-31T22:59:59Z"), Instant.parse("9999-12-31T23:00:00Z")));
		var random = new java.util.Random(26);
		for (int i = 0; i < 20_000; i++) {
			instants.add(Instant.ofEpochSecond(random.nextLong(-2_500_000_000L, 4_200_000_000L), random.nextInt(1_000_000_000)));
		}
		// the days around each change of time of 2021, in order then shuffled: the period last looked up is reused
		for (var change : List.of(Instant.parse("2021-03-28T01:00:00Z"), Instant.parse("2021-10-31T01:00:00Z"))) {
			for (int s = -7_200; s <= 7_200; s += 7) {
				instants.add(change.plusSeconds(s));
			}
		}
		var around = new ArrayList<>(instants.subList(instants.size() - 4_116, instants.size()));
		java.util.Collections.shuffle(around, random);
		instants.addAll(around);
		for (var instant : instants) {
			assertThat(TabularFormat.dateTime(instant)).as("%s", instant).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME
					.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of("Europe/Paris"))));
		}
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
