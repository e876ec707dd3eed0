package cocon.shared.opendata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The formats every dataset is written in, row by row, holding no more than a buffer in memory (ADR 0017).
 * <ul>
 * <li>CSV after Etalab's recommendations: UTF-8 without BOM, comma separator, a header row of the field names,
 * dates and times in ISO 8601 (with the Europe/Paris offset), decimal point, codes written as text (SIREN, INSEE
 * codes such as {@code 2A004} or {@code 01053} keep their leading zeros), RFC 4180 quoting.</li>
 * <li>JSON: an array of objects keyed by field name, the same text forms for dates and codes, numbers as numbers.</li>
 * <li>XLSX for spreadsheet users: accents, numbers and dates as the spreadsheet's own cells, codes as text cells;
 * limited to {@value #XLSX_MAX_ROWS} rows (the format's limit, header excluded).</li>
 * </ul>
 */
public enum TabularFormat {

	CSV("csv", "text/csv;charset=UTF-8"), JSON("json", "application/json"),
	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** The most rows a worksheet holds (1 048 576 lines, the header being one of them). */
	public static final long XLSX_MAX_ROWS = 1_048_575;

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final JsonFactory JSON_FACTORY = new JsonFactory();

	private final String extension;
	private final String mediaType;

	TabularFormat(String extension, String mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	public String extension() {
		return extension;
	}

	public String mediaType() {
		return mediaType;
	}

	/** The format of a file extension ({@code csv}, {@code json}, {@code xlsx}), or {@literal null}. */
	public static TabularFormat ofExtension(String extension) {
		for (var format : values()) {
			if (format.extension.equalsIgnoreCase(extension)) {
				return format;
			}
		}
		return null;
	}

	/**
	 * Opens a writer of rows of this schema on the output; {@link TableWriter#close()} finishes the file but leaves
	 * the output open.
	 *
	 * @param sheet the worksheet's name (XLSX only)
	 */
	public TableWriter open(OutputStream out, TableSchema schema, String sheet) {
		return switch (this) {
			case CSV -> new CsvWriter(out, schema);
			case JSON -> new JsonWriter(out, schema);
			case XLSX -> new XlsxWriter(out, schema, sheet);
		};
	}

	/**
	 * Opens a writer for a file meant to be opened in a spreadsheet and holding text people typed (the curators'
	 * export): in CSV, a text starting with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe,
	 * so that a spreadsheet shows it instead of running it as a formula (CSV injection, OWASP). XLSX cells are typed:
	 * text stays text. The public datasets do not use this: their values stay exact for the programs that read them.
	 */
	public TableWriter openForSpreadsheet(OutputStream out, TableSchema schema, String sheet) {
		var writer = open(out, schema, sheet);
		if (this != CSV) {
			return writer;
		}
		return new TableWriter() {

			@Override
			public void row(Object... values) {
				var safe = values.clone();
				for (int i = 0; i < safe.length; i++) {
					if (safe[i] instanceof String text && startsLikeAFormula(text)) {
						safe[i] = "'" + text;
					}
				}
				writer.row(safe);
			}

			@Override
			public void close() {
				writer.close();
			}
		};
	}

	/** Whether a spreadsheet would read this text as a formula (or hide its first character). */
	public static boolean startsLikeAFormula(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/** Writes rows; closing finishes the document. */
	public interface TableWriter extends RowSink, AutoCloseable {

		@Override
		void close();
	}

	/** A date and time as the text formats write it: ISO 8601 to the second, with the Europe/Paris offset. */
	public static String dateTime(Instant instant) {
		return ParisDateTimes.iso(instant);
	}

	static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Instant instant) {
			return dateTime(instant);
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		return value.toString();
	}

	/**
	 * CSV after Apache Commons CSV's RFC 4180 (comma, CRLF, a field quoted when it holds a comma, a quote or a line
	 * break, quotes doubled). A field that cannot need quotes (it starts with a letter or a digit, ends with more than
	 * a space, holds no comma, quote or line break) is written as it is; any other goes through Commons CSV, whose
	 * rules stay the file's: the same bytes, without its per-character appends (most of the time of 2.3 million rows).
	 * Each record is encoded to UTF-8 in one piece.
	 */
	private static final class CsvWriter implements TableWriter {

		private static final CSVFormat FORMAT = CSVFormat.RFC4180;

		private final OutputStream out;
		private final int columns;
		private final StringBuilder line = new StringBuilder(256);

		CsvWriter(OutputStream out, TableSchema schema) {
			this.out = new BufferedOutputStream(NonClosing.of(out), 64 * 1024);
			this.columns = schema.fields().size();
			row(schema.fields().stream().map(TableSchema.Field::name).toArray());
		}

		@Override
		public void row(Object... values) {
			check(values, columns);
			line.setLength(0);
			for (int i = 0; i < values.length; i++) {
				var text = text(values[i]);
				if (plain(text)) {
					if (i > 0) {
						line.append(',');
					}
					line.append(text);
				}
				else {
					var field = text;
					boolean first = i == 0;
					unchecked(() -> FORMAT.print(field, line, first));
				}
			}
			line.append("\r\n");
			unchecked(() -> out.write(line.toString().getBytes(StandardCharsets.UTF_8)));
		}

		/** Whether Commons CSV would write the text as it is (conservative: a doubt goes to Commons CSV). */
		static boolean plain(String text) {
			int length = text.length();
			if (length == 0 || !Character.isLetterOrDigit(text.charAt(0)) || text.charAt(0) > 'z'
					|| text.charAt(length - 1) <= ' ') {
				return false;
			}
			for (int i = 0; i < length; i++) {
				char c = text.charAt(i);
				if (c == ',' || c == '"' || c == '\r' || c == '\n') {
					return false;
				}
			}
			return true;
		}

		@Override
		public void close() {
			unchecked(out::close);
		}
	}

	private static final class JsonWriter implements TableWriter {

		private final JsonGenerator json;
		private final List<TableSchema.Field> fields;

		JsonWriter(OutputStream out, TableSchema schema) {
			this.json = JSON_FACTORY.createGenerator(ObjectWriteContext.empty(), NonClosing.of(out));
			this.fields = schema.fields();
			json.writeStartArray();
		}

		@Override
		public void row(Object... values) {
			check(values, fields.size());
			json.writeStartObject();
			for (int i = 0; i < values.length; i++) {
				json.writeName(fields.get(i).name());
				var value = values[i];
				if (value == null) {
					json.writeNull();
				}
				else if (value instanceof Long number) {
					json.writeNumber(number);
				}
				else if (value instanceof Integer number) {
					json.writeNumber(number);
				}
				else if (value instanceof BigDecimal number) {
					json.writeNumber(number);
				}
				else if (value instanceof Boolean bool) {
					json.writeBoolean(bool);
				}
				else {
					json.writeString(text(value));
				}
			}
			json.writeEndObject();
		}

		@Override
		public void close() {
			json.writeEndArray();
			json.close();
		}
	}

	private static final class XlsxWriter implements TableWriter {

		private static final int FLUSH_EVERY = 1_000;

		private final Workbook workbook;
		private final Worksheet sheet;
		private final List<TableSchema.Field> fields;
		private int row;

		XlsxWriter(OutputStream out, TableSchema schema, String name) {
			this.workbook = new Workbook(NonClosing.of(out), "Cocon", "1.0");
			this.sheet = workbook.newWorksheet(name == null || name.isBlank() ? "données" : name);
			this.fields = schema.fields();
			for (int c = 0; c < fields.size(); c++) {
				sheet.value(0, c, fields.get(c).name());
				sheet.style(0, c).bold().set();
			}
			sheet.freezePane(0, 1);
		}

		@Override
		public void row(Object... values) {
			check(values, fields.size());
			if (row >= XLSX_MAX_ROWS) {
				throw new IllegalStateException("plus de " + XLSX_MAX_ROWS + " lignes : trop pour une feuille de calcul");
			}
			row++;
			for (int c = 0; c < values.length; c++) {
				var value = values[c];
				if (value instanceof Number number) {
					sheet.value(row, c, number);
				}
				else if (value instanceof Boolean bool) {
					sheet.value(row, c, bool);
				}
				else if (value instanceof LocalDate date) {
					sheet.value(row, c, date);
					sheet.style(row, c).format("yyyy-mm-dd").set();
				}
				else if (value instanceof Instant instant) {
					sheet.value(row, c, instant.truncatedTo(ChronoUnit.SECONDS).atZone(PARIS).toLocalDateTime());
					sheet.style(row, c).format("yyyy-mm-dd hh:mm:ss").set();
				}
				else if (value != null) {
					sheet.value(row, c, value.toString());
				}
			}
			if (row % FLUSH_EVERY == 0) {
				unchecked(sheet::flush);
			}
		}

		@Override
		public void close() {
			unchecked(workbook::finish);
		}
	}

	/** A step of writing that may fail on the output. */
	@FunctionalInterface
	private interface Output {

		void write() throws IOException;
	}

	/** Runs the step; a failure of the output surfaces unchecked, as a {@link RowSink} declares no exception. */
	private static void unchecked(Output step) {
		try {
			step.write();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void check(Object[] values, int columns) {
		if (values.length != columns) {
			throw new IllegalArgumentException(values.length + " valeurs pour " + columns + " colonnes");
		}
	}

	/** Leaves the response's stream open for the caller (a servlet container closes it itself). */
	private static final class NonClosing extends java.io.FilterOutputStream {

		static OutputStream of(OutputStream out) {
			return new NonClosing(out);
		}

		private NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			out.flush();
		}
	}
}
