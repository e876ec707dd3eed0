package cocon.governance;

import java.util.Map;

import cocon.shared.Refusal;

/** A decision breaks a rule of the committee (answered 409 with the detail and properties). */
class RuleViolation extends Refusal.Conflict {

	RuleViolation(String detail) {
		this(detail, Map.of());
	}

	RuleViolation(String detail, Map<String, Object> properties) {
		super("Décision refusée", detail);
		properties.forEach(this::with);
	}
}
