package cocon.shared.opendata;

import java.util.List;
import java.util.Objects;

/**
 * A Table Schema (frictionless specification, https://specs.frictionlessdata.io/table-schema/): the fields of a row,
 * the primary key and the foreign keys to other datasets of the same campaign.
 */
public record TableSchema(List<Field> fields, List<String> primaryKey, List<ForeignKey> foreignKeys) {

	public TableSchema {
		fields = List.copyOf(fields);
		primaryKey = List.copyOf(primaryKey);
		foreignKeys = List.copyOf(foreignKeys);
		var names = fields.stream().map(Field::name).toList();
		if (names.stream().distinct().count() != names.size()) {
			throw new IllegalArgumentException("duplicate field in " + names);
		}
		if (!names.containsAll(primaryKey)) {
			throw new IllegalArgumentException("primary key " + primaryKey + " not in " + names);
		}
		foreignKeys.forEach(key -> {
			if (!names.containsAll(key.fields())) {
				throw new IllegalArgumentException("foreign key " + key.fields() + " not in " + names);
			}
		});
	}

	public TableSchema(List<Field> fields, List<String> primaryKey) {
		this(fields, primaryKey, List.of());
	}

	/** The type of a field, as Table Schema names it. */
	public enum Type {
		STRING("string", "texte"), INTEGER("integer", "nombre entier"), NUMBER("number", "nombre décimal"),
		BOOLEAN("boolean", "booléen (true ou false)"), DATE("date", "date (AAAA-MM-JJ)"),
		DATETIME("datetime", "date et heure (ISO 8601, avec le décalage horaire)");

		private final String name;
		private final String label;

		Type(String name, String label) {
			this.name = name;
			this.label = label;
		}

		public String schemaName() {
			return name;
		}

		/** The type in French, for the field table of the pages. */
		public String label() {
			return label;
		}
	}

	/**
	 * A field: its name in the files, its title and description in French, its type and constraints.
	 *
	 * @param pattern a regular expression the value matches (for codes kept as text: SIREN, INSEE codes)
	 * @param values the only values allowed, or empty
	 */
	public record Field(String name, Type type, String title, String description, boolean required, String pattern,
			List<String> values, String example) {

		public Field {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(type, "type");
			values = values == null ? List.of() : List.copyOf(values);
		}

		public static Field of(String name, Type type, String title, String description) {
			return new Field(name, type, title, description, false, null, List.of(), null);
		}

		public Field mandatory() {
			return new Field(name, type, title, description, true, pattern, values, example);
		}

		public Field pattern(String regex) {
			return new Field(name, type, title, description, required, regex, values, example);
		}

		public Field values(List<String> allowed) {
			return new Field(name, type, title, description, required, pattern, allowed, example);
		}

		public Field example(String value) {
			return new Field(name, type, title, description, required, pattern, values, value);
		}
	}

	/** A foreign key: these fields refer to the fields of another dataset of the same campaign. */
	public record ForeignKey(List<String> fields, String dataset, List<String> referenceFields) {

		public ForeignKey {
			fields = List.copyOf(fields);
			referenceFields = List.copyOf(referenceFields);
		}
	}
}
