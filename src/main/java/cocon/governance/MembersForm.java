package cocon.governance;

import java.util.ArrayList;
import java.util.List;

/** The administrator's form naming the committee: one line per member, blank lines ignored. */
class MembersForm {

	private List<Line> lines = new ArrayList<>();

	public List<Line> getLines() { return lines; }
	public void setLines(List<Line> lines) { this.lines = lines; }

	/** One line of the form: a member's identity and organisation, with their errors if any. */
	public static class Line {

		private String username = "";
		private String organisation = "";

		public Line() {
		}

		Line(String username, String organisation) {
			this.username = username;
			this.organisation = organisation;
		}

		boolean isBlank() {
			return (username == null || username.isBlank()) && (organisation == null || organisation.isBlank());
		}

		public String getUsername() { return username; }
		public void setUsername(String username) { this.username = username; }
		public String getOrganisation() { return organisation; }
		public void setOrganisation(String organisation) { this.organisation = organisation; }
	}

	/** A naming of the committee, for the history table. */
	record Naming(String when, String by, List<String> members) {
	}
}
