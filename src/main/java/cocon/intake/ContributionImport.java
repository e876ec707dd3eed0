package cocon.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import cocon.intake.IntakeExceptions.UnreadableCsvException;
import cocon.shared.CollectiviteKind;
import cocon.shared.Siren;
import cocon.shared.Window;

/**
 * Reads the CSV file of contributions gathered elsewhere into candidate contributions, row by row, each with the
 * French reasons it cannot be imported.
 */
final class ContributionImport {

	static final List<String> REQUIRED = List.of("title", "need", "theme", "authorRole", "authorFunction", "siren");
	static final List<String> OPTIONAL = List.of("authorName", "authorEmail", "submittedAt");

	/** A row of the file, either ready to be imported or refused. */
	record Candidate(int line, Contribution contribution, String problem) {
	}

	private ContributionImport() {
	}

	static String decode(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString();
		}
		catch (CharacterCodingException e) {
			throw new UnreadableCsvException("Le fichier n'est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 » puis recommencez.");
		}
	}

	static List<Candidate> read(Campaign campaign, byte[] bytes, Instant now,
			Function<Siren, Contribution.OrganisationRef> organisations) {
		List<CsvParser.Row> rows;
		try {
			rows = CsvParser.parse(decode(bytes));
		}
		catch (CsvParser.MalformedCsvException e) {
			throw new UnreadableCsvException(e.getMessage());
		}
		rows = rows.stream().filter(row -> !row.isBlank()).toList();
		refuseNul(rows);
		if (rows.isEmpty()) {
			throw new UnreadableCsvException("Le fichier est vide : il doit commencer par une ligne d'en-tête ("
					+ String.join(", ", REQUIRED) + ").");
		}
		var header = rows.get(0);
		var columns = new HashMap<String, Integer>();
		for (int i = 0; i < header.fields().size(); i++) {
			var name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
			columns.putIfAbsent(name, i);
		}
		var missing = REQUIRED.stream().filter(name -> !columns.containsKey(name.toLowerCase(Locale.ROOT))).toList();
		if (!missing.isEmpty()) {
			throw new UnreadableCsvException((missing.size() > 1 ? "Ligne 1 : colonnes obligatoires absentes de l'en-tête : " : "Ligne 1 : colonne obligatoire absente de l'en-tête : ")
					+ String.join(", ", missing) + ". Colonnes attendues : " + String.join(", ", REQUIRED)
					+ " (et facultativement " + String.join(", ", OPTIONAL) + ").");
		}
		var candidates = new ArrayList<Candidate>();
		for (var row : rows.subList(1, rows.size())) {
			candidates.add(candidate(campaign, header.fields().size(), columns, row, now, organisations));
		}
		return candidates;
	}

	/**
	 * A NUL character (U+0000) cannot be stored by PostgreSQL and is never part of a text someone typed: the file is
	 * refused as a whole, naming the line and the column, rather than failing at the insert.
	 */
	private static void refuseNul(List<CsvParser.Row> rows) {
		var header = rows.isEmpty() ? List.<String>of() : rows.get(0).fields();
		for (var row : rows) {
			for (int i = 0; i < row.fields().size(); i++) {
				if (row.fields().get(i).indexOf('\u0000') >= 0) {
					String column = i < header.size() && row != rows.get(0) ? " (colonne « "
							+ header.get(i).strip().replace('\u0000', '?') + " »)" : "";
					throw new UnreadableCsvException("Ligne " + row.line() + column
							+ " : le fichier contient un caractère nul (U+0000), qui n'est pas accepté. "
							+ "Enregistrez-le de nouveau en « CSV UTF-8 » puis recommencez.");
				}
			}
		}
	}

	private static Candidate candidate(Campaign campaign, int width, Map<String, Integer> columns, CsvParser.Row row,
			Instant now, Function<Siren, Contribution.OrganisationRef> organisations) {
		if (row.fields().size() != width) {
			return refused(row, "La ligne compte " + row.fields().size() + (row.fields().size() > 1 ? " colonnes au lieu de " : " colonne au lieu de ") + width
					+ " (séparateur ou guillemets mal placés ?).");
		}
		Function<String, String> field = name -> {
			Integer index = columns.get(name.toLowerCase(Locale.ROOT));
			if (index == null) {
				return null;
			}
			var value = row.fields().get(index).strip();
			return value.isEmpty() ? null : value;
		};
		var submission = new Submission(field.apply("title"), field.apply("need"), field.apply("theme"),
				field.apply("authorRole"), field.apply("authorFunction"));
		var problems = new ArrayList<>(submission.problems(campaign).values());
		var sirenText = field.apply("siren");
		Siren siren = null;
		if (sirenText == null) {
			problems.add("Le SIREN de l'organisation est obligatoire.");
		}
		else if (!Siren.isValid(sirenText.replace(" ", ""))) {
			problems.add("Le SIREN « " + sirenText + " » est mal formé : 9 chiffres avec une clé de contrôle correcte attendus.");
		}
		else {
			siren = Siren.of(sirenText);
		}
		Instant submittedAt = now;
		var dateText = field.apply("submittedAt");
		if (dateText != null) {
			submittedAt = parseDate(dateText);
			if (submittedAt == null) {
				problems.add("La date de dépôt « " + dateText
						+ " » est invalide : date et heure ISO 8601 attendues (par exemple 2021-02-03T10:15:00+01:00).");
			}
		}
		var email = field.apply("authorEmail");
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			problems.add("L'adresse électronique « " + email + " » est invalide.");
		}
		if (!problems.isEmpty()) {
			return refused(row, String.join(" ", problems));
		}
		var author = new Contribution.Author(null, field.apply("authorName"), email);
		return new Candidate(row.line(),
				Contribution.imported(campaign, submission, author, organisations.apply(siren), submittedAt), null);
	}

	/** An ISO date-time with offset, or a local date-time read in Europe/Paris time. */
	static Instant parseDate(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDateTime.parse(text).atZone(Window.PARIS).toInstant();
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	/** The organisation as the directory knows it; unknown organisations keep their SIREN as name. */
	static Contribution.OrganisationRef unknownOrganisation(Siren siren) {
		return new Contribution.OrganisationRef(siren, "Organisation " + siren, CollectiviteKind.OTHER);
	}

	private static Candidate refused(CsvParser.Row row, String message) {
		return new Candidate(row.line(), null, message);
	}
}
