package cocon.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;

/** Names the field of a JSON body that Jackson refused, and what it expected there, in French. */
final class BodyFields {

	private BodyFields() {
	}

	/** The field as a client writes it: {@code calendar.supports.opens}, {@code members[2].username}. */
	static String path(JacksonException exception) {
		var path = new StringBuilder();
		for (var reference : exception.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	static String known(Collection<Object> fields) {
		if (fields == null || fields.isEmpty()) {
			return "aucun";
		}
		return fields.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
	}

	/** What a value of this type looks like, for the person who sent another one. */
	static String expected(Class<?> type) {
		if (type == null) {
			return "une autre valeur";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "un nombre entier, sans décimales";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "un nombre";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true ou false";
		}
		if (type == String.class) {
			return "un texte";
		}
		if (type == UUID.class) {
			return "un identifiant (UUID, par exemple 3f2b8c1e-7d4a-4e7b-9c59-2a1d0e6f5b34)";
		}
		if (type == LocalDate.class) {
			return "une date, par exemple 2021-05-03";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "une date et une heure, par exemple 2021-01-25T00:00:00+01:00";
		}
		if (type.isEnum()) {
			return "l'une des valeurs " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
					.collect(Collectors.joining(", "));
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "une liste";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "un objet JSON";
		}
		return "une autre valeur";
	}
}
