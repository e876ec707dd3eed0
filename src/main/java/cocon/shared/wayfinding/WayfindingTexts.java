package cocon.shared.wayfinding;

import java.time.Instant;
import java.util.Locale;

import org.springframework.context.MessageSource;


/**
 * The French texts a module's wayfinding writes: the labels of its message bundle, already pluralised by the count
 * given, and the deadline of a work item ("15 mars 2021 à 23 h 59", Paris time, FrenchDates) in the one format of "Mon espace".
 */
public final class WayfindingTexts {

	private final MessageSource messages;

	public WayfindingTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** The French message of the key, with its arguments. */
	public String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.FRENCH);
	}

	/** A deadline as "Mon espace" writes it, in Paris time. */
	public String deadline(Instant at) {
		return cocon.shared.FrenchDates.dateTime(at);
	}
}
