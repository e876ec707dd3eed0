package cocon.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * The 2021 consultation « Coconstruction de services numériques », told once, in
 * {@code src/main/resources/demo/consultation-2021.json}: its figures, its calendar (Paris time), 67 proposals over 13
 * themes (the four titles of the shortlist known from the public record, the others written for the demonstration),
 * the programmes the reoriented needs were sent to, the ineligible needs, the committee, the providers, the roadmap
 * milestones, the days of each step, and the words contributions are composed from, then what became of the funded
 * services up to 2023. The demonstration replays it ({@link ReplayPlan}); the journey and module tests read the same
 * story, so that no copy of it can disagree. Nothing here is copied from the 2021 submissions.
 */
public record Consultation2021(String title, String description, Figures figures, Calendar calendar,
		List<String> supportKinds, List<String> workingGroupKinds, List<Proposal> proposals,
		List<String> knownShortlist, List<Programme> reoriented, List<Ineligible> rejected, List<Member> committee,
		List<String> providers, List<String> projectKinds, List<String> milestones, List<String> workshops,
		List<String> maturityNotes, Writing writing, Steps steps, Conflict conflict, List<String> assessors,
		Shortlist shortlist, Deployment2023 deployment) {

	/** Where the story is told. */
	public static final String RESOURCE = "demo/consultation-2021.json";

	private static final Consultation2021 STORY = read();

	/** The figures of the public record. */
	public record Figures(int contributions, int grouped, int reoriented, int rejected, int supports, int shortlisted,
			int funded, long envelopeEuros, long fundedEuros) {
	}

	/** A window of the calendar, Paris time. */
	public record Span(LocalDateTime opens, LocalDateTime closes) {
	}

	/** 2021's calendar, Paris time. */
	public record Calendar(LocalDateTime scheduled, Span contributions, Span supports, LocalDate shortlistDecision,
			Span referentApplications, LocalDate fundingDecision) {
	}

	/** A proposal: its theme, its title, what contributions speak of, the pain felt today and the wish. */
	public record Proposal(String theme, String title, String subject, String pain, String wish) {
	}

	/** A need an existing programme already answers: where curators send it, and why. */
	public record Programme(String theme, String title, String pain, String target, String note) {
	}

	/** A need outside what the call funds, and the reason given to its author. */
	public record Ineligible(String theme, String title, String pain, String reason) {
	}

	/** A committee member: the demo identity, and the organisation represented. */
	public record Member(String username, String organisation) {
	}

	/** Words contributions are composed from, so that those grouped together do not read alike. */
	public record Writing(List<String> details, List<String> framings, List<String> wishes, List<String> closings) {
	}

	/** Days between two dates of 2021. */
	public record Days(LocalDate from, LocalDate to) {
	}

	/** When each step of the story took place. */
	public record Steps(Days curation, Days publication, LocalDateTime committeeNamed, LocalDateTime conflictDeclared,
			Days assessments, LocalDateTime shortlistAt, Days earlyReferents, Days lateReferents,
			LocalDate firstWorkshop, int workshopsSpanDays, LocalDate firstMilestoneDue) {
	}

	/** The member who declared a conflict of interest, on which shortlisted proposal, and why. */
	public record Conflict(String member, int knownShortlistIndex, String reason) {
	}

	/** Who signed the shortlist, and why these proposals. */
	public record Shortlist(String member, String rationale) {
	}

	/**
	 * What became of the funded services up to the day of 2023 the moment {@code deploiement} stands for: how many
	 * end in each phase, when the teams were named and the experimentation territories marked, the words of their
	 * feedback and of the adopters who gave up, and how many collectivités adopt a service of each phase.
	 */
	public record Deployment2023(LocalDateTime teamsNamed, LocalDateTime territoriesMarked, PhaseCounts phases,
			List<String> stopReasons, List<String> replanReasons, List<String> feedback, List<String> abandonReasons,
			AdoptersPerPhase adopters, List<String> tranches) {
	}

	/** How many of the 44 services are in each phase on that day. */
	public record PhaseCounts(int construction, int experimentation, int available, int generalised, int stopped) {

		public int total() {
			return construction + experimentation + available + generalised + stopped;
		}
	}

	/** The number of adopters, besides the referent territories, of a service in each phase (a mean). */
	public record AdoptersPerPhase(int construction, int experimentation, int available, int generalised,
			int stopped) {
	}

	/** The story, read once. */
	public static Consultation2021 story() {
		return STORY;
	}

	/** The 13 themes, in the order the proposals first name them. */
	public List<String> themes() {
		return proposals.stream().map(Proposal::theme).distinct().toList();
	}

	/** The index of a proposal by its title. */
	public int proposalIndex(String title) {
		for (int i = 0; i < proposals.size(); i++) {
			if (proposals.get(i).title().equals(title)) {
				return i;
			}
		}
		throw new IllegalArgumentException("Aucune proposition de 2021 n'a pour titre « " + title + " ».");
	}

	/** Whether the public record names this proposal among the shortlisted ones. */
	public boolean knownShortlisted(int proposal) {
		return knownShortlist.contains(proposals.get(proposal).title());
	}

	private static Consultation2021 read() {
		try (InputStream in = Consultation2021.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Ressource introuvable : " + RESOURCE);
			}
			return JsonMapper.builder().build().readValue(in, Consultation2021.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
