package cocon.governance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.identity.CommitteeSeats;

/** A seat is one on the latest naming of a campaign's committee (earlier namings are history). */
@Component
class CurrentCommitteeSeats implements CommitteeSeats {

	private final JdbcClient jdbc;

	CurrentCommitteeSeats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean seated(String username) {
		return jdbc.sql("""
				select exists (
				  select 1 from governance.committee_member m
				  join governance.committee_appointment a on a.id = m.appointment_id
				  where m.username = ?
				    and a.seq = (select max(seq) from governance.committee_appointment l where l.campaign_id = a.campaign_id))""")
				.param(username).query(Boolean.class).single();
	}
}
