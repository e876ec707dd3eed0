package cocon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jmolecules.event.types.DomainEvent;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The events the modules publish, as the registry keeps them ({@code event_publication} and its archive, the audit
 * trail of ADR 6): checks that none carries a contributor's, agent's or élu's personal data (ADR 13).
 */
public final class PublishedEvents {

	/** Record components that would carry a person's data; organisations' names and SIRENs are not personal. */
	static final Set<String> PERSONAL = Set.of("username", "displayName", "email", "authorName", "authorEmail",
			"authorFunction", "authorUsername", "contactName", "contactEmail", "supportedBy", "appliedBy", "name",
			"firstName", "lastName", "phone");

	/** Attribution of staff decisions (curators, administrators, committee): kept, invariant 7 of the design brief. */
	static final Set<String> STAFF_ATTRIBUTION = Set.of("decidedBy", "changedBy", "mergedBy");

	static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

	/** Demo usernames of contributors, agents and élus (staff personas are admin, curator, committee<n>). */
	static final Pattern PERSON_USERNAME = Pattern.compile("\"(agent|elu)-[^\"]*\"");

	private PublishedEvents() {
	}

	/** Every event type of every module ({@code cocon.<module>.events}). */
	public static List<Class<?>> types() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(DomainEvent.class));
		var types = new ArrayList<Class<?>>();
		for (var candidate : scanner.findCandidateComponents("cocon")) {
			try {
				var type = Class.forName(candidate.getBeanClassName());
				if (type.getPackageName().endsWith(".events")) {
					types.add(type);
				}
			}
			catch (ClassNotFoundException e) {
				throw new IllegalStateException(e);
			}
		}
		return types;
	}

	/** The components of an event (and of the records it holds) that would carry a person's data. */
	public static List<String> personalComponents(Class<?> type) {
		var found = new ArrayList<String>();
		walk(type, type.getSimpleName(), found, new java.util.HashSet<>());
		return found;
	}

	private static void walk(Class<?> type, String path, List<String> found, Set<Class<?>> seen) {
		if (!type.isRecord() || !seen.add(type)) {
			return;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			String name = component.getName();
			if (PERSONAL.contains(name) || (name.endsWith("By") && !STAFF_ATTRIBUTION.contains(name))) {
				found.add(path + "." + name);
			}
			walk(component.getType(), path + "." + name, found, seen);
			for (Type argument : arguments(component.getGenericType())) {
				if (argument instanceof Class<?> nested) {
					walk(nested, path + "." + name + "[]", found, seen);
				}
			}
		}
	}

	private static Type[] arguments(Type type) {
		return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments() : new Type[0];
	}

	/**
	 * Reads every publication kept by the registry and fails on an e-mail address, a contributor's or agent's user
	 * name, or one of the given values (names, functions typed in the flow).
	 *
	 * @return the event types found, by simple name
	 */
	public static Set<String> assertNoPersonalDataStored(JdbcClient jdbc, Set<String> personalValues) {
		var types = new TreeSet<String>();
		var offending = new ArrayList<String>();
		jdbc.sql("""
				select event_type, serialized_event from event_publication
				union all select event_type, serialized_event from event_publication_archive""")
				.query(rs -> {
					String type = rs.getString("event_type");
					String json = rs.getString("serialized_event");
					types.add(type.substring(type.lastIndexOf('.') + 1));
					var email = EMAIL.matcher(json);
					if (email.find()) {
						offending.add(type + " holds the e-mail address " + email.group());
					}
					var username = PERSON_USERNAME.matcher(json);
					if (username.find()) {
						offending.add(type + " holds the user name " + username.group());
					}
					for (var value : personalValues) {
						if (json.contains(value)) {
							offending.add(type + " holds « " + value + " »");
						}
					}
				});
		assertThat(types).as("publications kept by the registry").isNotEmpty();
		assertThat(offending).as("personal data in the kept events").isEmpty();
		return types;
	}
}
