package cocon.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cocon.intake.IntakeExceptions.MissingOrganisationException;
import cocon.intake.IntakeExceptions.NotYourContributionException;
import cocon.intake.IntakeExceptions.UnknownCampaignException;
import cocon.intake.IntakeExceptions.UnknownContributionException;
import cocon.shared.CampaignId;
import cocon.shared.ContributionId;
import cocon.shared.ProposalId;
import cocon.shared.Siren;
import cocon.shared.directory.Directory;
import cocon.shared.identity.CurrentUser;

/**
 * The use cases of intake: submitting, importing and reading contributions, and recording what curation decided.
 * The aggregate's events are published by {@link Contributions} inside the transaction that stores it, so that the
 * event publication registry holds them with the contribution.
 */
@Service
class Intake {

	private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

	private final Campaigns campaigns;
	private final Contributions contributions;
	private final ObjectProvider<Directory> directory;
	private final Clock clock;

	Intake(Campaigns campaigns, Contributions contributions,
			ObjectProvider<Directory> directory, Clock clock) {
		this.campaigns = campaigns;
		this.contributions = contributions;
		this.directory = directory;
		this.clock = clock;
	}

	Campaign campaign(CampaignId id) {
		return campaigns.find(id).orElseThrow(() -> new UnknownCampaignException(id));
	}

	boolean isOpen(Campaign campaign) {
		return campaign.acceptsContributionsAt(clock.instant());
	}

	@Transactional
	ContributionId submit(CampaignId campaignId, Submission submission, CurrentUser user) {
		var campaign = campaign(campaignId);
		var organisation = user.organisationIfAny().orElseThrow(MissingOrganisationException::new);
		var contribution = Contribution.submit(campaign, submission,
				new Contribution.Author(user.username(), user.displayName(), user.email()),
				new Contribution.OrganisationRef(organisation.siren(), organisation.name(), organisation.kind()),
				clock.instant());
		contributions.add(contribution);
		return contribution.getId();
	}

	@Transactional
	ImportReport importCsv(CampaignId campaignId, byte[] file) {
		var campaign = campaign(campaignId);
		var known = new HashMap<Siren, Contribution.OrganisationRef>();
		var candidates = ContributionImport.read(campaign, file, clock.instant(),
				siren -> known.computeIfAbsent(siren, this::organisation));
		int imported = 0;
		int duplicates = 0;
		var errors = new java.util.ArrayList<ImportReport.LineError>();
		for (var candidate : candidates) {
			if (candidate.contribution() == null) {
				errors.add(new ImportReport.LineError(candidate.line(), candidate.problem()));
			}
			else if (contributions.add(candidate.contribution())) {
				imported++;
			}
			else {
				duplicates++;
			}
		}
		LOG.info("Import CSV pour la campagne {} : {} importée(s), {} doublon(s), {} ligne(s) en erreur.", campaignId,
				imported, duplicates, errors.size());
		return new ImportReport(imported, duplicates, errors);
	}

	private Contribution.OrganisationRef organisation(Siren siren) {
		var lookup = directory.getIfAvailable();
		if (lookup == null) {
			return ContributionImport.unknownOrganisation(siren);
		}
		return lookup.find(siren)
				.map(found -> new Contribution.OrganisationRef(siren, found.name(), found.kind()))
				.orElseGet(() -> ContributionImport.unknownOrganisation(siren));
	}

	@Transactional(readOnly = true)
	Contribution read(ContributionId id, CurrentUser user) {
		var contribution = contributions.find(id).orElseThrow(() -> new UnknownContributionException(id));
		if (!user.isStaff() && !contribution.isAuthoredBy(user.username())) {
			throw new NotYourContributionException();
		}
		return contribution;
	}

	/** Its author corrects a contribution still waiting to be triaged, inside the contribution window. */
	@Transactional
	void revise(ContributionId id, Submission submission, CurrentUser user) {
		var contribution = own(id, user);
		contribution.revise(campaign(contribution.campaignId()), submission, clock.instant());
		if (!contributions.saveRevision(contribution)) {
			throw triagedMeanwhile();
		}
	}

	/** Its author withdraws a contribution still waiting to be triaged. */
	@Transactional
	void withdraw(ContributionId id, CurrentUser user) {
		var contribution = own(id, user);
		var now = clock.instant();
		contribution.withdraw(now);
		if (!contributions.withdraw(contribution, now)) {
			throw triagedMeanwhile();
		}
		LOG.info("Contribution {} retirée par son auteur.", id);
	}

	/** The contribution, if the signed-in person wrote it (the staff read any, but only the author changes one). */
	private Contribution own(ContributionId id, CurrentUser user) {
		var contribution = contributions.find(id).orElseThrow(() -> new UnknownContributionException(id));
		if (!contribution.isAuthoredBy(user.username())) {
			throw new NotYourContributionException();
		}
		return contribution;
	}

	private static IntakeExceptions.NotRevisableException triagedMeanwhile() {
		return new IntakeExceptions.NotRevisableException(
				"L'équipe de la campagne vient d'analyser cette contribution : elle ne peut plus être modifiée ni retirée.");
	}

	List<Contributions.Decision> history(ContributionId id) {
		return contributions.history(id);
	}

	List<Contribution> mine(CurrentUser user) {
		return contributions.byAuthor(user.username());
	}

	/**
	 * Records a decision of curation on a contribution: kept in the history, shown as the outcome if it is the latest
	 * one (the notifications module tells the contributor, ADR 41). A decision delivered twice changes nothing the
	 * second time.
	 */
	@Transactional
	void decide(ContributionId id, Outcome outcome, String decidedBy, Instant decidedAt) {
		var found = contributions.find(id);
		if (found.isEmpty()) {
			LOG.warn("Décision « {} » reçue pour la contribution inconnue {} : ignorée.", outcome.status().label(), id);
			return;
		}
		if (!contributions.recordDecision(id, outcome, decidedBy, decidedAt, clock.instant())) {
			LOG.debug("Décision déjà enregistrée pour la contribution {} ({}, {}).", id, outcome.status(), decidedAt);
			return;
		}
		var contribution = found.get();
		if (contribution.decide(outcome, decidedBy, decidedAt)) {
			contributions.saveOutcome(contribution);
		}
	}

	/** A curator undid a grouping: the contribution is pending again, the undoing kept in its history. */
	@Transactional
	void ungroup(ContributionId id, ProposalId left, String leftTitle, String decidedBy, Instant decidedAt) {
		var found = contributions.find(id);
		if (found.isEmpty()) {
			LOG.warn("Retrait d'une proposition reçu pour la contribution inconnue {} : ignoré.", id);
			return;
		}
		if (!contributions.recordUngrouping(id, left, leftTitle, decidedBy, decidedAt, clock.instant())) {
			return;
		}
		var contribution = found.get();
		if (contribution.ungroup(left, decidedBy, decidedAt)) {
			contributions.saveOutcome(contribution);
		}
	}
}
