package cocon.shared.opendata;

import java.util.Optional;

import cocon.shared.CampaignId;

/**
 * A dataset that a module publishes for every campaign, from the data it owns. The module describes it (identifier,
 * title, description, Table Schema) and streams its rows; the platform serves it in every format, with the licence,
 * the producer, the last update and the row count in its metadata. Rows hold no personal data.
 */
public interface OpenDataset {

	/** The stable identifier, part of every URL: {@code soutiens}, {@code propositions}, … */
	String id();

	/** The title, in French. */
	String title();

	/** What a row is and where the data come from, in French. */
	String description();

	/** The Table Schema (frictionless) of the rows. */
	TableSchema schema();

	/** The row count, last update and version of the campaign's dataset, or empty when the module does not know the campaign. */
	Optional<Snapshot> snapshot(CampaignId campaign);

	/**
	 * Streams every row of the campaign's dataset to the sink, in a stable order (the primary key's), without
	 * holding them in memory: values in the order of the schema's fields.
	 */
	void rows(CampaignId campaign, RowSink sink);
}
