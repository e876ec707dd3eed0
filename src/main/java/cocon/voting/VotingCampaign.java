package cocon.voting;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.jmolecules.ddd.types.AggregateRoot;

import cocon.shared.CampaignId;
import cocon.shared.CollectiviteKind;
import cocon.shared.Window;
import cocon.shared.identity.Organisation;
import cocon.voting.SupportRefused.Reason;

/**
 * What voting knows of a campaign (a copy kept from governance's events): its support window and the kinds of
 * collectivité allowed to support. It decides whether an organisation may support or withdraw at a given instant.
 * An immutable copy, hence a record.
 */
record VotingCampaign(CampaignId id, String title, Set<CollectiviteKind> supportKinds, Window supports)
		implements AggregateRoot<VotingCampaign, CampaignId> {

	/** Collectivités territoriales: the 2021 rule, used when a campaign names no kind. */
	static final Set<CollectiviteKind> DEFAULT_SUPPORT_KINDS = EnumSet.of(CollectiviteKind.COMMUNE,
			CollectiviteKind.DEPARTEMENT, CollectiviteKind.REGION, CollectiviteKind.COLLECTIVITE_PARTICULIERE);

	VotingCampaign {
		supportKinds = supportKinds == null || supportKinds.isEmpty() ? DEFAULT_SUPPORT_KINDS : Set.copyOf(supportKinds);
	}

	@Override
	public CampaignId getId() {
		return id;
	}

	boolean isOpen(Instant now) {
		return supports.contains(now);
	}

	boolean isOver(Instant now) {
		return supports.isOver(now);
	}

	/**
	 * Refuses, with the reason, an organisation that may not support a proposal of this campaign now. The
	 * organisation was checked as verified before ({@link #checkVerified}, called once per request by
	 * {@link Supporting}).
	 */
	void admit(Organisation organisation, Instant now) {
		checkEligible(organisation);
		checkWindow(now);
	}

	/** Refuses a withdrawal once the window closed: supports are then frozen. */
	void admitWithdrawal(Instant now) {
		if (supports.isOver(now)) {
			throw closed();
		}
	}

	static void checkVerified(Organisation organisation) {
		if (organisation == null) {
			throw new SupportRefused(Reason.NO_ORGANISATION,
					"Votre compte n'est rattaché à aucune collectivité : seuls les agents et élus d'une collectivité peuvent soutenir une proposition.");
		}
		if (!organisation.verified()) {
			throw new SupportRefused(Reason.UNVERIFIED, "Votre collectivité (SIREN " + organisation.siren()
					+ ") n'est pas encore vérifiée. Demandez sa vérification à l'équipe Cocon depuis la page « Mon compte » : "
					+ "un administrateur la confirme à partir de l'annuaire officiel, puis vous pourrez soutenir.");
		}
	}

	private void checkEligible(Organisation organisation) {
		if (!supportKinds.contains(organisation.kind())) {
			throw new SupportRefused(Reason.NOT_ELIGIBLE, "Dans cette campagne, seules les collectivités suivantes peuvent soutenir : "
					+ supportKinds.stream().sorted().map(CollectiviteKind::label).collect(Collectors.joining(", "))
					+ ". Votre organisation (" + organisation.kind().label() + ") n'en fait pas partie.");
		}
	}

	private void checkWindow(Instant now) {
		if (supports.isAhead(now)) {
			throw new SupportRefused(Reason.NOT_OPEN_YET, "La période de soutien ouvrira le "
					+ cocon.shared.FrenchDates.dateTime(supports.opens()) + ".");
		}
		if (supports.isOver(now)) {
			throw closed();
		}
	}

	private SupportRefused closed() {
		return new SupportRefused(Reason.CLOSED, "La période de soutien s'est close le "
				+ cocon.shared.FrenchDates.dateTime(supports.closes()) + " : les soutiens sont désormais figés.");
	}
}
