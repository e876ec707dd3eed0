package cocon.governance;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cocon.shared.CampaignId;
import cocon.shared.identity.CommitteeAgenda;

/** The current committee's members and what each still has to assess, for the reminder before a decision day (ADR 51). */
@Component
class CommitteeAgendaAnswer implements CommitteeAgenda {

	private final JdbcClient jdbc;

	CommitteeAgendaAnswer(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Member> members(CampaignId campaign) {
		return jdbc.sql("""
				with proposals as (select id from governance.proposal where campaign_id = :campaign and absorbed_into is null)
				select m.username, (select count(*) from proposals) as proposals,
				       (select count(*) from proposals p
				        where not exists (select 1 from governance.maturity_assessment a
				                          where a.proposal_id = p.id and a.username = m.username)
				          and not exists (select 1 from governance.conflict_of_interest c
				                          where c.proposal_id = p.id and c.username = m.username)) as to_assess
				from governance.committee_member m
				where m.appointment_id = (select id from governance.committee_appointment
				                          where campaign_id = :campaign order by seq desc limit 1)
				order by m.username""")
				.param("campaign", campaign.id())
				.query((rs, n) -> new Member(rs.getString("username"), rs.getInt("to_assess"), rs.getInt("proposals")))
				.list();
	}
}
