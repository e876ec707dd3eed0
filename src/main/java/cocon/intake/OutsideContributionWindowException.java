package cocon.intake;

/** A contribution submitted before the contribution window opens or after it closes: nothing is stored. */
class OutsideContributionWindowException extends RuntimeException {

	OutsideContributionWindowException(String message) {
		super(message);
	}
}
