package cocon.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: records end with CRLF, LF or CR; a field in double quotes may hold the separator, line
 * breaks and doubled quotes ({@code ""}). The separator ({@code ;} or {@code ,}) is the one found most often in the
 * header line. Each record remembers the line of the file on which it begins, for error reports.
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
		char separator = detectSeparator(text);
		var rows = new ArrayList<Row>();
		var fields = new ArrayList<String>();
		var field = new StringBuilder();
		int line = 1;
		int rowLine = 1;
		int quoteLine = 0;
		boolean quoted = false;
		boolean fieldStarted = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i += 2;
						continue;
					}
					quoted = false;
				}
				else {
					if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
						line++;
					}
					field.append(c);
				}
				i++;
				continue;
			}
			if (c == '"' && !fieldStarted) {
				quoted = true;
				fieldStarted = true;
				quoteLine = line;
			}
			else if (c == separator) {
				fields.add(field.toString());
				field.setLength(0);
				fieldStarted = false;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				rows.add(new Row(rowLine, List.copyOf(fields)));
				fields.clear();
				field.setLength(0);
				fieldStarted = false;
				line++;
				rowLine = line;
			}
			else {
				// text after a closing quote is kept as is (lenient about stray characters)
				field.append(c);
				fieldStarted = true;
			}
			i++;
		}
		if (quoted) {
			throw new MalformedCsvException("Ligne " + quoteLine + " : un champ entre guillemets n'est jamais refermé.");
		}
		if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
			fields.add(field.toString());
			rows.add(new Row(rowLine, List.copyOf(fields)));
		}
		return rows;
	}
}
