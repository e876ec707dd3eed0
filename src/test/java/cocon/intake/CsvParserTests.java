package cocon.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvParserTests {

	@Test
	void detectsTheSeparatorFromTheHeaderLine() {
		assertThat(CsvParser.detectSeparator("title;need;theme\na,b,c,d,e")).isEqualTo(';');
		assertThat(CsvParser.detectSeparator("title,need,theme\na;b;c;d;e")).isEqualTo(',');
		assertThat(CsvParser.detectSeparator("\"a;b;c\",need\n")).isEqualTo(',');
	}

	@Test
	void readsQuotedFieldsWithSeparatorsLineBreaksAndDoubledQuotes() {
		var rows = CsvParser.parse("\uFEFFa;b\r\n\"x;y\";\"un\r\ndeux \"\"trois\"\"\"\r\nlast;\r\n");

		assertThat(rows).extracting(CsvParser.Row::line).containsExactly(1, 2, 4);
		assertThat(rows.get(0).fields()).containsExactly("a", "b");
		assertThat(rows.get(1).fields()).containsExactly("x;y", "un\r\ndeux \"trois\"");
		assertThat(rows.get(2).fields()).containsExactly("last", "");
	}

	@Test
	void keepsTheLastRecordWithoutLineBreakAndCountsBareCarriageReturns() {
		assertThat(CsvParser.parse("a,b\rc,d")).extracting(CsvParser.Row::line, CsvParser.Row::fields)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(1, List.of("a", "b")),
						org.assertj.core.groups.Tuple.tuple(2, List.of("c", "d")));
	}

	@Test
	void refusesAQuoteNeverClosed() {
		assertThatThrownBy(() -> CsvParser.parse("a;b\n\"ouvert;b\nsuite"))
				.hasMessageContaining("Ligne 2 : un champ entre guillemets n'est jamais refermé.");
	}
}
