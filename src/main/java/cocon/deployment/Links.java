package cocon.deployment;

import java.net.URI;

import cocon.shared.Refusal;

/**
 * What people need to use a service: its site, documentation and source code, and the team's functional contact
 * address (an address of the team, not a person's). Each is optional; a link is an http(s) address.
 */
record Links(String site, String documentation, String source, String contactEmail) {

	Links {
		var errors = new Refusal.Collector();
		site = url("site", site, errors);
		documentation = url("documentation", documentation, errors);
		source = url("source", source, errors);
		contactEmail = blankToNull(contactEmail);
		if (contactEmail != null && !contactEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			errors.add("contactEmail", "L'adresse de contact n'est pas une adresse électronique valide.");
		}
		errors.throwIfAny();
	}

	private static String url(String field, String value, Refusal.Collector errors) {
		value = blankToNull(value);
		if (value == null) {
			return null;
		}
		try {
			var uri = URI.create(value);
			if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& value.length() <= 500) {
				return value;
			}
		}
		catch (IllegalArgumentException notAUri) {
			// refused below
		}
		errors.add(field, "Le lien doit être une adresse web complète (https://…).");
		return null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
