package cocon.shared.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import cocon.shared.CampaignId;

/**
 * A dataset a module reads with SQL from its own schema. The module says what is its own: the identifier, title,
 * description and Table Schema given to the constructor, the query of its snapshot and the query of its rows with the
 * values of a row; this class runs both queries with the campaign bound to {@code :campaign}.
 * <p>
 * A dataset that reads its rows another way (a server-side cursor) overrides {@link #rows(CampaignId, RowSink)}.
 */
public abstract class SqlDataset implements OpenDataset {

	/** Reads the snapshot from the one row of a snapshot query; null when the campaign's dataset is not published. */
	@FunctionalInterface
	protected interface SnapshotReader {

		Snapshot snapshot(ResultSet rs) throws SQLException;
	}

	/** Reads the values of the current row, in the order of the schema's fields. */
	@FunctionalInterface
	protected interface RowReader {

		Object[] values(ResultSet rs) throws SQLException;
	}

	private final JdbcClient jdbc;
	private final String id;
	private final String title;
	private final String description;
	private final TableSchema schema;

	protected SqlDataset(JdbcClient jdbc, String id, String title, String description, TableSchema schema) {
		this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
		this.id = Objects.requireNonNull(id, "id");
		this.title = Objects.requireNonNull(title, "title");
		this.description = Objects.requireNonNull(description, "description");
		this.schema = Objects.requireNonNull(schema, "schema");
	}

	@Override
	public final String id() {
		return id;
	}

	@Override
	public final String title() {
		return title;
	}

	@Override
	public final String description() {
		return description;
	}

	@Override
	public final TableSchema schema() {
		return schema;
	}

	/** The module's own database access, for what the two queries do not cover. */
	protected final JdbcClient jdbc() {
		return jdbc;
	}

	/**
	 * The snapshot read from the row of the query (one row per campaign the module knows, {@code :campaign} bound):
	 * empty when there is no row or the reader gives null.
	 */
	protected final Optional<Snapshot> querySnapshot(CampaignId campaign, String sql, SnapshotReader reader) {
		return jdbc.sql(sql).param("campaign", campaign.id()).query((rs, n) -> reader.snapshot(rs)).optional();
	}

	/** Streams the rows of the query ({@code :campaign} bound, in the primary key's order) to the sink. */
	protected final void queryRows(CampaignId campaign, RowSink sink, String sql, RowReader reader) {
		jdbc.sql(sql).param("campaign", campaign.id()).query(rs -> {
			sink.row(reader.values(rs));
		});
	}
}
