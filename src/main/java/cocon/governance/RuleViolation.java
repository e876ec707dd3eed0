package cocon.governance;

import java.util.Map;

/** A decision breaks a rule of the committee (answered 409 with the detail and properties). */
class RuleViolation extends RuntimeException {

	private final Map<String, Object> properties;

	RuleViolation(String detail) {
		this(detail, Map.of());
	}

	RuleViolation(String detail, Map<String, Object> properties) {
		super(detail);
		this.properties = Map.copyOf(properties);
	}

	Map<String, Object> properties() {
		return properties;
	}
}
