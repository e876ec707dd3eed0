package cocon.intake;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads the import file with Apache Commons CSV (RFC 4180: records end with CRLF, LF or CR; a field in double quotes
 * may hold the separator, line breaks and doubled quotes). What the library does not do is ours: the separator
 * ({@code ;} or {@code ,}) is the one found most often in the header line, a leading byte order mark is dropped, and
 * each record remembers the line of the file on which it begins, for error reports.
 */
final class CsvParser {

	/** A record of the file and the (1-based) line on which it starts. */
	record Row(int line, List<String> fields) {

		boolean isBlank() {
			return fields.stream().allMatch(String::isBlank);
		}
	}

	/** A quoted field still open at the end of the file. */
	static final class MalformedCsvException extends RuntimeException {
		MalformedCsvException(String message) {
			super(message);
		}
	}

	private CsvParser() {
	}

	static char detectSeparator(String text) {
		int semicolons = 0;
		int commas = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted && c == ';') {
				semicolons++;
			}
			else if (!quoted && c == ',') {
				commas++;
			}
		}
		return semicolons > commas ? ';' : ',';
	}

	static List<Row> parse(String text) {
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		// Text after a closing quote is kept as typed ("x"y reads xy), as spreadsheets do: lenient, never refused.
		var format = CSVFormat.RFC4180.builder()
				.setDelimiter(detectSeparator(text))
				.setIgnoreEmptyLines(false)
				.setTrailingData(true)
				.get();
		var rows = new ArrayList<Row>();
		try (var parser = CSVParser.parse(new StringReader(text), format)) {
			var records = parser.iterator();
			while (true) {
				// the line breaks read so far, taken before the parser reads the next record: where that record starts
				int line = (int) parser.getCurrentLineNumber() + 1;
				try {
					if (!records.hasNext()) {
						return rows;
					}
				}
				catch (UncheckedIOException e) {
					// the one way a string cannot be read as CSV: a quote opened and never closed before the end
					throw new MalformedCsvException("Ligne " + line + " : un champ entre guillemets n'est jamais refermé.");
				}
				var record = records.next();
				rows.add(new Row(line, record.size() == 0 ? List.of("") : record.toList()));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
