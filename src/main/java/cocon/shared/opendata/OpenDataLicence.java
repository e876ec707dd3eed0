package cocon.shared.opendata;

/**
 * The licence and producer of every dataset: French public data are published under the Licence Ouverte 2.0
 * (decree 2017-638, identifier {@code etalab-2.0} on data.gouv.fr).
 */
public final class OpenDataLicence {

	public static final String ID = "etalab-2.0";

	public static final String TITLE = "Licence Ouverte / Open Licence version 2.0";

	public static final String URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

	public static final String PRODUCER = "Agence nationale de la cohésion des territoires (ANCT), Incubateur des territoires";

	public static final String PRODUCER_URL = "https://agence-cohesion-territoires.gouv.fr/";

	private OpenDataLicence() {
	}
}
