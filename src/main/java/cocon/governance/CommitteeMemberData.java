package cocon.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.Timestamps;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.PersonalData;

/**
 * What governance keeps about a committee member (ADR 39): their seats (user name and organisation), the conflicts of
 * interest they declared with their reason, their maturity assessments with their notes, and the decisions they took
 * part in. Decisions stay attributable (invariant 7): erasure keeps the user name and organisation in seats,
 * declarations, assessments and decisions — a declared conflict keeps the member out of the decision concerned — and
 * removes the texts the member wrote: the reason of each conflict and the note of each assessment. Those texts are
 * also removed 3 years after the campaign's funding decision.
 */
@Component
class CommitteeMemberData implements PersonalData {

	/** The reason of a conflict once erased (the declaration stays). */
	static final String ERASED_REASON = "Motif effacé";

	/** How long after the campaign's funding decision the texts members wrote are kept. */
	static final Period RETENTION = Period.ofYears(3);

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcClient jdbc;

	CommitteeMemberData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "committee";
	}

	@Override
	@Transactional(readOnly = true)
	public Object export(CurrentUser user) {
		var data = new LinkedHashMap<String, Object>();
		data.put("seats", jdbc.sql("""
				select distinct a.campaign_id, m.organisation from governance.committee_member m
				join governance.committee_appointment a on a.id = m.appointment_id
				where m.username = ? order by a.campaign_id, m.organisation""")
				.param(user.username())
				.query((rs, n) -> Map.of("campaignId", rs.getObject("campaign_id").toString(),
						"organisation", rs.getString("organisation")))
				.list());
		data.put("conflictsOfInterest", jdbc.sql("""
				select campaign_id, proposal_id, reason, declared_at from governance.conflict_of_interest
				where username = ? order by declared_at, id""")
				.param(user.username())
				.query((rs, n) -> Map.of("campaignId", rs.getObject("campaign_id").toString(),
						"proposalId", rs.getObject("proposal_id").toString(), "reason", rs.getString("reason"),
						"declaredAt", Timestamps.instant(rs, "declared_at").toString()))
				.list());
		data.put("maturityAssessments", jdbc.sql("""
				select campaign_id, proposal_id, level, note, assessed_at from governance.maturity_assessment
				where username = ? order by assessed_at, id""")
				.param(user.username())
				.query((rs, n) -> {
					var entry = new LinkedHashMap<String, Object>();
					entry.put("campaignId", rs.getObject("campaign_id").toString());
					entry.put("proposalId", rs.getObject("proposal_id").toString());
					entry.put("level", rs.getInt("level"));
					entry.put("note", rs.getString("note"));
					entry.put("assessedAt", Timestamps.instant(rs, "assessed_at").toString());
					return entry;
				})
				.list());
		data.put("decisionsTakenPartIn", jdbc.sql("""
				select d.campaign_id, d.id, d.decided_at, d.decided_by = :u as decided_by_you
				from governance.shortlist_decision d
				where d.decided_by = :u
				   or exists (select 1 from governance.shortlist_present_member p where p.decision_id = d.id and p.username = :u)
				order by d.decided_at""")
				.param("u", user.username())
				.query((rs, n) -> Map.of("campaignId", rs.getObject("campaign_id").toString(),
						"shortlistDecisionId", rs.getObject("id").toString(),
						"decidedAt", Timestamps.instant(rs, "decided_at").toString(),
						"decidedByYou", rs.getBoolean("decided_by_you")))
				.list());
		return data;
	}

	@Override
	@Transactional
	public Map<String, Integer> erase(CurrentUser user) {
		int reasons = jdbc.sql("""
				update governance.conflict_of_interest set reason = ? where username = ? and reason <> ?""")
				.params(ERASED_REASON, user.username(), ERASED_REASON).update();
		int notes = jdbc.sql("update governance.maturity_assessment set note = null where username = ? and note is not null")
				.param(user.username()).update();
		return Map.of("conflictReasons", reasons, "maturityNotes", notes);
	}

	@Override
	@Transactional
	public Map<String, Integer> eraseExpired(Instant now) {
		var decidedBefore = LocalDate.ofInstant(now, PARIS).minus(RETENTION);
		int reasons = jdbc.sql("""
				update governance.conflict_of_interest i set reason = :erased
				from governance.campaign c
				where c.id = i.campaign_id and c.funding_decision < :before and i.reason <> :erased""")
				.param("erased", ERASED_REASON).param("before", decidedBefore).update();
		int notes = jdbc.sql("""
				update governance.maturity_assessment m set note = null
				from governance.campaign c
				where c.id = m.campaign_id and c.funding_decision < :before and m.note is not null""")
				.param("before", decidedBefore).update();
		return Map.of("conflictReasons", reasons, "maturityNotes", notes);
	}
}
