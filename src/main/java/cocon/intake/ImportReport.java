package cocon.intake;

import java.util.List;

/**
 * The result of a CSV import: how many rows were imported, how many were already there, and the rows refused with
 * their line number in the file and the reason.
 */
record ImportReport(int imported, int duplicates, List<LineError> errors) {

	ImportReport {
		errors = List.copyOf(errors);
	}

	record LineError(int line, String message) {
	}
}
