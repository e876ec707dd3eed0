package cocon.governance.opendata;

import cocon.shared.opendata.DatasetRows;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignId;
import cocon.shared.opendata.OpenDataCampaigns;

/** The campaigns of governance, for the open data catalogue of the platform. */
@Component
class PublishedCampaigns implements OpenDataCampaigns {

	private final JdbcClient jdbc;

	PublishedCampaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PublishedCampaign> campaigns() {
		return jdbc.sql("select id, title, description, created_at from governance.campaign order by created_at desc, id")
				.query((rs, n) -> new PublishedCampaign(new CampaignId(rs.getObject("id", UUID.class)),
						rs.getString("title"), rs.getString("description"), DatasetRows.instant(rs, "created_at")))
				.list();
	}

	@Override
	public Optional<PublishedCampaign> campaign(CampaignId id) {
		return jdbc.sql("select id, title, description, created_at from governance.campaign where id = ?")
				.param(id.id())
				.query((rs, n) -> new PublishedCampaign(new CampaignId(rs.getObject("id", UUID.class)),
						rs.getString("title"), rs.getString("description"), DatasetRows.instant(rs, "created_at")))
				.optional();
	}
}
