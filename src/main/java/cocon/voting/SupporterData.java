package cocon.voting;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.Timestamps;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.PersonalData;

/**
 * Who gave or withdrew each support (ADR 39): the user name of the agent or élu who acted for their collectivité. A
 * support is the collectivité's (its SIREN, public), so erasure keeps every support, count and withdrawal and replaces
 * the person's user name by {@link #ERASED}: the act stays attributable to the collectivité, through a person in
 * that role. The same happens to every support 3 years after its campaign's support window closed.
 */
@Component
class SupporterData implements PersonalData {

	/** Who gave a support, once that person is erased. */
	static final String ERASED = "agent de la collectivité (identifiant effacé)";

	/** How long after the close of the support window the user name of whoever gave or withdrew a support is kept. */
	static final Period RETENTION = Period.ofYears(3);

	private final JdbcClient jdbc;

	SupporterData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "supports";
	}

	@Override
	@Transactional(readOnly = true)
	public Object export(CurrentUser user) {
		return jdbc.sql("""
				select proposal_id, campaign_id, siren, name, supported_at, null as ended_at, null as reason,
				       supported_by = :u as supported_by_you, false as ended_by_you
				from voting.support where supported_by = :u
				union all
				select proposal_id, campaign_id, siren, name, supported_at, ended_at, reason,
				       supported_by = :u, ended_by = :u
				from voting.support_history where supported_by = :u or (ended_by = :u and reason = 'WITHDRAWN')
				order by supported_at, proposal_id""")
				.param("u", user.username())
				.query((rs, n) -> {
					var entry = new LinkedHashMap<String, Object>();
					entry.put("proposalId", rs.getObject("proposal_id").toString());
					entry.put("campaignId", rs.getObject("campaign_id").toString());
					entry.put("collectivite", Map.of("siren", rs.getString("siren"), "name", rs.getString("name")));
					entry.put("supportedAt", Timestamps.instant(rs, "supported_at").toString());
					entry.put("givenByYou", rs.getBoolean("supported_by_you"));
					if (Timestamps.instant(rs, "ended_at") != null) {
						entry.put("endedAt", Timestamps.instant(rs, "ended_at").toString());
						entry.put("end", rs.getString("reason"));
						entry.put("withdrawnByYou", rs.getBoolean("ended_by_you"));
					}
					return entry;
				})
				.list();
	}

	@Override
	@Transactional
	public Map<String, Integer> erase(CurrentUser user) {
		int supports = jdbc.sql("update voting.support set supported_by = :erased where supported_by = :u")
				.param("erased", ERASED).param("u", user.username()).update();
		supports += jdbc.sql("""
				update voting.support_history
				set supported_by = case when supported_by = :u then :erased else supported_by end,
				    ended_by = case when ended_by = :u and reason = 'WITHDRAWN' then :erased else ended_by end
				where supported_by = :u or (ended_by = :u and reason = 'WITHDRAWN')""")
				.param("erased", ERASED).param("u", user.username()).update();
		return Map.of("supports", supports);
	}

	@Override
	@Transactional
	public Map<String, Integer> eraseExpired(Instant now) {
		var closedBefore = Timestamps.column(now.atOffset(ZoneOffset.UTC).minus(RETENTION).toInstant());
		int supports = jdbc.sql("""
				update voting.support s set supported_by = :erased
				from voting.campaign c
				where c.id = s.campaign_id and c.supports_close < :closed and s.supported_by <> :erased""")
				.param("erased", ERASED).param("closed", closedBefore).update();
		supports += jdbc.sql("""
				update voting.support_history h
				set supported_by = :erased,
				    ended_by = case when h.reason = 'WITHDRAWN' then :erased else h.ended_by end
				from voting.campaign c
				where c.id = h.campaign_id and c.supports_close < :closed
				  and (h.supported_by <> :erased or (h.reason = 'WITHDRAWN' and h.ended_by <> :erased))""")
				.param("erased", ERASED).param("closed", closedBefore).update();
		return Map.of("supports", supports);
	}
}
