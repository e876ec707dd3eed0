package cocon.shared;

/** The Luhn checksum used by SIREN and SIRET numbers. */
final class Luhn {

	private Luhn() {
	}

	static boolean isValid(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (twice) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			twice = !twice;
		}
		return sum % 10 == 0;
	}
}
