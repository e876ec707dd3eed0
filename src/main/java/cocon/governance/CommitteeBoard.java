package cocon.governance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The committee's work list at the size of a real campaign (issue 25, point 4): the ranked proposals one page at a
 * time, filtered by what is left to do — to assess, assessed, with a conflict of interest — each row with the
 * member's own assessment (level and note) to show back in its form.
 *
 * @param rows the rows of the page, in the order of the ranking
 * @param counts how many proposals each filter holds, in the order of the filters
 */
record CommitteeBoard(Filter filter, List<Row> rows, Map<Filter, Integer> counts, int page, int pages, int total) {

	/**
	 * Rows per page: a screen or two of compact rows, never the whole campaign; ten, so that the member's page, sent
	 * uncompressed, stays light on a slow connection (issue 26, ADR 60).
	 */
	static final int PAGE_SIZE = 10;

	/** What the list shows; the member's own work for a member, the committee's for an administrator. */
	enum Filter {
		A_EVALUER("a-evaluer", "À évaluer"),
		EVALUEES("evaluees", "Évaluées"),
		CONFLITS("conflits", "Avec un conflit d'intérêts"),
		TOUTES("toutes", "Toutes");

		private final String key;
		private final String label;

		Filter(String key, String label) {
			this.key = key;
			this.label = label;
		}

		public String key() {
			return key;
		}

		public String label() {
			return label;
		}

		/** The filter of that key; to assess when none or unknown is said. */
		static Filter of(String key) {
			return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst().orElse(A_EVALUER);
		}
	}

	/**
	 * A proposal as the board shows it.
	 *
	 * @param mine the member's own latest assessment, null when they have not assessed it (or are not a member)
	 * @param myConflict whether the member declared a conflict of interest on it
	 * @param inConflict the members in conflict on it, by name
	 */
	record Row(DecisionInputs.Row inputs, Committee.Assessment mine, boolean myConflict, List<String> inConflict) {

		/** The anchor of the row, where an action on it comes back to. */
		public String anchor() {
			return "proposition-" + inputs.proposalId();
		}

		public Integer myLevel() {
			return mine == null ? null : mine.maturity().level();
		}

		public String myNote() {
			return mine == null ? null : mine.note();
		}

		boolean assessed(boolean member) {
			return member ? mine != null : inputs.maturityAssessments() > 0;
		}
	}

	/**
	 * The page of the filter.
	 *
	 * @param names the members' names by user name
	 * @param justDone the proposal the member just acted on, kept in its place on this page even if it no longer
	 * matches the filter (assessed while the list shows what is left to assess), so that they come back to its row;
	 * null when none
	 */
	static CommitteeBoard of(DecisionInputs inputs, Map<UUID, Committee.Assessment> mine, Map<String, String> names,
			String username, boolean member, Filter filter, int page, UUID justDone) {
		var all = rows(inputs, mine, names, username);
		var counts = new LinkedHashMap<Filter, Integer>();
		for (var f : Filter.values()) {
			counts.put(f, (int) all.stream().filter(matches(f, member)).count());
		}
		var kept = kept(all, member, filter, justDone);
		int pages = Math.max(1, (kept.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		var rows = kept.subList(Math.min(kept.size(), (current - 1) * PAGE_SIZE),
				Math.min(kept.size(), current * PAGE_SIZE));
		return new CommitteeBoard(filter, List.copyOf(rows), counts, current, pages, kept.size());
	}

	/**
	 * The page on which a proposal the member just acted on stands now in the filter (its rank may have changed with
	 * its assessment), 1 when it is not there.
	 */
	static int pageOf(DecisionInputs inputs, Map<UUID, Committee.Assessment> mine, String username, boolean member,
			Filter filter, UUID proposal) {
		var kept = kept(rows(inputs, mine, Map.of(), username), member, filter, proposal);
		for (int i = 0; i < kept.size(); i++) {
			if (kept.get(i).inputs().proposalId().equals(proposal)) {
				return i / PAGE_SIZE + 1;
			}
		}
		return 1;
	}

	private static List<Row> rows(DecisionInputs inputs, Map<UUID, Committee.Assessment> mine,
			Map<String, String> names, String username) {
		return inputs.proposals().stream().map(p -> new Row(p, mine.get(p.proposalId()),
				p.membersInConflict().contains(username),
				p.membersInConflict().stream().map(u -> names.getOrDefault(u, u)).toList())).toList();
	}

	private static List<Row> kept(List<Row> all, boolean member, Filter filter, UUID justDone) {
		return all.stream().filter(matches(filter, member).or(row -> row.inputs().proposalId().equals(justDone)))
				.toList();
	}

	private static Predicate<Row> matches(Filter filter, boolean member) {
		return switch (filter) {
			case A_EVALUER -> row -> !row.myConflict() && !row.assessed(member);
			case EVALUEES -> row -> row.assessed(member);
			case CONFLITS -> row -> !row.inputs().membersInConflict().isEmpty();
			case TOUTES -> row -> true;
		};
	}

	/** The filters with their counts, for the links above the table. */
	public List<Map.Entry<Filter, Integer>> filters() {
		return List.copyOf(counts.entrySet());
	}

	/** The first row's position in the filtered list, from 1 (for the caption). */
	public int from() {
		return rows.isEmpty() ? 0 : (page - 1) * PAGE_SIZE + 1;
	}

	public int to() {
		return from() + rows.size() - 1;
	}
}
