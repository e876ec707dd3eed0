package cocon.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates the rows of a dataset against its Table Schema with a real JSON Schema validator (networknt, draft
 * 2020-12): the Table Schema served by the application is translated into the JSON Schema of one row (types,
 * required, pattern, enum, no other field), CSV cells are read as the Table Schema says (empty is missing, integers,
 * booleans), and the primary key is checked unique.
 */
public final class TableSchemaCheck {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** ISO 8601 date and time with an offset, to the second, as Table Schema's datetime with format "any" reads it. */
	static final String DATETIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})$";

	static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";

	final JsonNode tableSchema;
	final List<String> fieldNames = new ArrayList<>();
	private final Schema rowSchema;

	public TableSchemaCheck(JsonNode tableSchema) {
		this.tableSchema = tableSchema;
		var properties = NODES.objectNode();
		var required = NODES.arrayNode();
		for (var field : tableSchema.get("fields")) {
			var name = field.get("name").asString();
			fieldNames.add(name);
			required.add(name);
			properties.set(name, property(field));
		}
		var schema = NODES.objectNode();
		schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		schema.put("type", "object");
		schema.set("properties", properties);
		schema.set("required", required);
		schema.put("additionalProperties", false);
		this.rowSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(schema.toString());
	}

	private static ObjectNode property(JsonNode field) {
		var constraints = field.get("constraints");
		boolean mandatory = constraints != null && constraints.path("required").asBoolean(false);
		var type = field.get("type").asString();
		var property = NODES.objectNode();
		var jsonType = switch (type) {
			case "integer" -> "integer";
			case "number" -> "number";
			case "boolean" -> "boolean";
			case "string", "date", "datetime" -> "string";
			default -> throw new AssertionError("type Table Schema inattendu : " + type);
		};
		if (mandatory) {
			property.put("type", jsonType);
		}
		else {
			property.set("type", NODES.arrayNode().add(jsonType).add("null"));
		}
		if (type.equals("datetime")) {
			property.put("pattern", DATETIME);
		}
		if (type.equals("date")) {
			property.put("pattern", DATE);
		}
		if (constraints != null && constraints.has("pattern")) {
			property.put("pattern", constraints.get("pattern").asString());
		}
		if (constraints != null && constraints.has("enum")) {
			var values = NODES.arrayNode();
			constraints.get("enum").forEach(values::add);
			if (!mandatory) {
				values.addNull();
			}
			property.set("enum", values);
		}
		return property;
	}

	/** Validates JSON rows; returns them. */
	public ArrayNode validateJson(byte[] body) {
		var rows = (ArrayNode) JSON.readTree(body);
		rows.forEach(this::validateRow);
		checkPrimaryKey(rows);
		return rows;
	}

	/** Reads CSV rows as Table Schema says, validates them, returns them as JSON objects. */
	public ArrayNode validateCsv(byte[] body) {
		assertThat(body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF)
				.as("UTF-8 sans BOM").isFalse();
		var text = strictUtf8(body);
		var lines = Csv.parse(text);
		assertThat(lines).as("ligne d'en-tête").isNotEmpty();
		assertThat(lines.get(0)).as("en-tête = noms des champs du schéma").isEqualTo(fieldNames);
		var rows = NODES.arrayNode();
		var fields = tableSchema.get("fields");
		for (var cells : lines.subList(1, lines.size())) {
			assertThat(cells).as("cellules de %s", cells).hasSize(fieldNames.size());
			var row = NODES.objectNode();
			for (int i = 0; i < cells.size(); i++) {
				row.set(fieldNames.get(i), cell(fields.get(i).get("type").asString(), cells.get(i)));
			}
			validateRow(row);
			rows.add(row);
		}
		checkPrimaryKey(rows);
		return rows;
	}

	private static JsonNode cell(String type, String text) {
		if (text.isEmpty()) {
			return NODES.nullNode();
		}
		return switch (type) {
			case "integer" -> text.matches("-?\\d+") ? NODES.numberNode(Long.parseLong(text)) : NODES.stringNode(text);
			case "number" -> text.matches("-?\\d+(\\.\\d+)?") ? NODES.numberNode(new java.math.BigDecimal(text))
					: NODES.stringNode(text);
			case "boolean" -> text.equals("true") ? NODES.booleanNode(true)
					: text.equals("false") ? NODES.booleanNode(false) : NODES.stringNode(text);
			default -> NODES.stringNode(text);
		};
	}

	private void validateRow(JsonNode row) {
		var errors = rowSchema.validate(row);
		assertThat(errors).as("ligne %s contre le schéma %s", row, tableSchema.get("name")).isEmpty();
	}

	private void checkPrimaryKey(ArrayNode rows) {
		var key = new ArrayList<String>();
		tableSchema.get("primaryKey").forEach(k -> key.add(k.asString()));
		var seen = new HashSet<String>();
		for (var row : rows) {
			var value = new StringBuilder();
			key.forEach(k -> value.append(row.get(k).asString()).append('|'));
			assertThat(seen.add(value.toString())).as("clé primaire %s unique : %s", key, value).isTrue();
		}
	}

	static String strictUtf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
		}
		catch (CharacterCodingException e) {
			throw new AssertionError("le CSV n'est pas de l'UTF-8 valide", e);
		}
	}

	/** RFC 4180: comma, double quotes around a cell holding a comma, a quote or a line break, CRLF lines. */
	static final class Csv {

		static List<List<String>> parse(String text) {
			var lines = new ArrayList<List<String>>();
			var cells = new ArrayList<String>();
			var cell = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						cell.append(c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					cells.add(cell.toString());
					cell.setLength(0);
				}
				else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					cells.add(cell.toString());
					cell.setLength(0);
					lines.add(cells);
					cells = new ArrayList<>();
					i++;
				}
				else {
					cell.append(c);
				}
			}
			assertThat(quoted).as("guillemets fermés").isFalse();
			assertThat(cell.length() == 0 && cells.isEmpty()).as("le fichier finit par CRLF").isTrue();
			return lines;
		}
	}
}
