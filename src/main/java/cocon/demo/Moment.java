package cocon.demo;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import cocon.shared.CampaignCalendar.Phase;

/**
 * The moments of 2021 the demonstration can be replayed at: the day of 2021 that today stands for. The calendar is
 * shifted by whole days so that today is that day, and the replay stops at the present instant: each moment holds
 * only what had happened by then.
 */
enum Moment {

	/** Contributions open, half of them received. */
	CONTRIBUTIONS(LocalDate.of(2021, 2, 22), Phase.CONTRIBUTIONS),
	/** Contributions closed, curators grouping, reorienting and rejecting them. */
	CURATION(LocalDate.of(2021, 3, 24), Phase.CURATION),
	/** Supports open for half their window: no shortlist yet, the supports so far only. */
	SUPPORTS(LocalDate.of(2021, 4, 16), Phase.SUPPORTS),
	/** Supports closed, the committee assessing maturity the day before its shortlist. */
	SHORTLIST(LocalDate.of(2021, 5, 2), Phase.SHORTLIST),
	/** Seventeen proposals shortlisted, collectivités applying as referent territories, workshops under way. */
	REFERENTS(LocalDate.of(2021, 5, 26), Phase.REFERENT_APPLICATIONS),
	/** A week after the funding committee of 5 July: 44 projects funded. */
	FUNDING(LocalDate.of(2021, 7, 12), Phase.FUNDING),
	/**
	 * A day of 2023: the 44 funded services in varied phases, their milestones done or late, the feedback of the
	 * experimentation territories, and the collectivités that adopted them (referent territories first, then their
	 * neighbours).
	 */
	DEPLOIEMENT(LocalDate.of(2023, 6, 15), Phase.FUNDING);

	private final LocalDate day;
	private final Phase phase;

	Moment(LocalDate day, Phase phase) {
		this.day = day;
		this.phase = phase;
	}

	/** The phase of the campaign all day long, today, once the calendar is shifted. */
	Phase phase() {
		return phase;
	}

	/** The day of 2021 that today stands for. */
	LocalDate day() {
		return day;
	}

	/** The value of {@code cocon.demo.moment} and of the reset form. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Moment> of(String key) {
		return key == null ? Optional.empty()
				: Arrays.stream(values()).filter(m -> m.key().equals(key.strip().toLowerCase(Locale.ROOT))).findFirst();
	}
}
