package cocon.curation.opendata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

final class Sql {

	static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

	private Sql() {
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static Instant latest(Instant... instants) {
		Instant latest = null;
		for (var instant : instants) {
			if (instant != null && (latest == null || instant.isAfter(latest))) {
				latest = instant;
			}
		}
		return latest == null ? Instant.EPOCH : latest;
	}

	static String outcome(String stored) {
		return switch (stored) {
			case "PENDING" -> "en-attente";
			case "GROUPED" -> "regroupee";
			case "REORIENTED" -> "reorientee";
			default -> "rejetee";
		};
	}

	static String kind(String stored) {
		return switch (cocon.shared.CollectiviteKind.valueOf(stored)) {
			case COMMUNE -> "commune";
			case EPCI -> "epci";
			case DEPARTEMENT -> "departement";
			case REGION -> "region";
			case COLLECTIVITE_PARTICULIERE -> "collectivite-statut-particulier";
			case OTHER -> "autre";
		};
	}

	/** The snapshot of a campaign's curation: the latest decision or submission, and counts that change with any. */
	static final String STATE = """
			select c.calendar_as_of,
			       (select max(greatest(x.submitted_at, x.decided_at)) from curation.contributions x where x.campaign_id = c.id) as last_contribution,
			       (select max(greatest(p.created_at, p.published_at)) from curation.proposals p where p.campaign_id = c.id) as last_proposal,
			       (select max(h.at) from curation.history h where h.campaign_id = c.id) as last_history,
			       (select count(*) from curation.history h where h.campaign_id = c.id) as history,
			       (select count(*) from curation.contributions x where x.campaign_id = c.id) as contributions,
			       c.contribution_texts_public
			from curation.campaigns c where c.id = ?""";
}
