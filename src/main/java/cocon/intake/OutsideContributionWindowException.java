package cocon.intake;

import cocon.shared.Refusal;

/** A contribution submitted before the contribution window opens or after it closes: nothing is stored. */
class OutsideContributionWindowException extends Refusal.Conflict {

	OutsideContributionWindowException(String message) {
		super("Période de contribution fermée", message);
	}
}
