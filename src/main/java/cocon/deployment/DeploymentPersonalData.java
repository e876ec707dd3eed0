package cocon.deployment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.shared.Timestamps;
import cocon.shared.identity.CurrentUser;
import cocon.shared.identity.PersonalData;

/**
 * What deployment keeps about a person (ADR 13): their seats on project teams, the feedback they wrote for their
 * collectivité, the adoptions they declared and the changes they recorded on a service. Erasure keeps every fact
 * (the collectivité's adoption and feedback, the service's timeline) and removes who did it; a seat on a team ends.
 */
@Component
class DeploymentPersonalData implements PersonalData {

	static final String ERASED = "personne effacée";

	private final JdbcClient jdbc;
	private final Clock clock;

	DeploymentPersonalData(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String section() {
		return "deploiement";
	}

	@Override
	@Transactional(readOnly = true)
	public Object export(CurrentUser user) {
		var data = new LinkedHashMap<String, Object>();
		data.put("equipesProjet", jdbc.sql("""
				select s.title, t.named_by, t.named_at, t.removed_at from deployment.team_member t
				join deployment.service s on s.id = t.service_id where t.username = :u order by t.named_at""")
				.param("u", user.username())
				.query((rs, n) -> {
					var seat = new LinkedHashMap<String, Object>();
					seat.put("service", rs.getString("title"));
					seat.put("nommePar", rs.getString("named_by"));
					seat.put("nommeLe", String.valueOf(Timestamps.instant(rs, "named_at")));
					seat.put("retireLe", String.valueOf(Timestamps.instant(rs, "removed_at")));
					return seat;
				}).list());
		data.put("retoursExperience", jdbc.sql("""
				select s.title, f.collectivite_name, f.satisfaction, f.would_adopt, f.text, f.public, f.updated_at
				from deployment.feedback f join deployment.service s on s.id = f.service_id where f.author = :u""")
				.param("u", user.username())
				.query((rs, n) -> {
					var feedback = new LinkedHashMap<String, Object>();
					feedback.put("service", rs.getString("title"));
					feedback.put("collectivite", rs.getString("collectivite_name"));
					feedback.put("satisfaction", rs.getInt("satisfaction"));
					feedback.put("adopterait", rs.getBoolean("would_adopt"));
					feedback.put("texte", rs.getString("text"));
					feedback.put("publie", rs.getBoolean("public"));
					feedback.put("modifieLe", String.valueOf(Timestamps.instant(rs, "updated_at")));
					return feedback;
				}).list());
		data.put("adoptionsDeclarees", jdbc.sql("""
				select s.title, a.siren, a.status, a.note, a.declared_at from deployment.adoption_change a
				join deployment.service s on s.id = a.service_id where a.declared_by = :u order by a.declared_at""")
				.param("u", user.username())
				.query((rs, n) -> {
					var declared = new LinkedHashMap<String, Object>();
					declared.put("service", rs.getString("title"));
					declared.put("siren", rs.getString("siren").trim());
					declared.put("statut", rs.getString("status"));
					declared.put("note", rs.getString("note"));
					declared.put("declareLe", String.valueOf(Timestamps.instant(rs, "declared_at")));
					return declared;
				}).list());
		data.put("changementsEnregistres", jdbc.sql("""
				select s.title, t.at, t.summary from deployment.timeline t join deployment.service s on s.id = t.service_id
				where t.recorded_by = :u order by t.at""")
				.param("u", user.username())
				.query((rs, n) -> Map.of("service", rs.getString("title"), "le", String.valueOf(Timestamps.instant(rs, "at")),
						"changement", rs.getString("summary")))
				.list());
		return data;
	}

	@Override
	@Transactional
	public Map<String, Integer> erase(CurrentUser user) {
		var u = user.username();
		var now = Timestamps.column(clock.instant());
		int seats = jdbc.sql("""
				update deployment.team_member set username = :erased || ' ' || id, removed_at = coalesce(removed_at, :now),
				  removed_by = coalesce(removed_by, :erased) where username = :u""")
				.param("erased", ERASED).param("now", now).param("u", u).update();
		int feedback = jdbc.sql("update deployment.feedback set author = :erased where author = :u")
				.param("erased", ERASED).param("u", u).update();
		int adoptions = jdbc.sql("update deployment.adoption_change set declared_by = :erased where declared_by = :u")
				.param("erased", ERASED).param("u", u).update();
		jdbc.sql("update deployment.adoption set declared_by = :erased where declared_by = :u")
				.param("erased", ERASED).param("u", u).update();
		int changes = jdbc.sql("update deployment.timeline set recorded_by = :erased where recorded_by = :u")
				.param("erased", ERASED).param("u", u).update();
		jdbc.sql("update deployment.tranche set recorded_by = :erased where recorded_by = :u")
				.param("erased", ERASED).param("u", u).update();
		return Map.of("equipesProjet", seats, "retoursExperience", feedback, "adoptionsDeclarees", adoptions,
				"changementsEnregistres", changes);
	}
}
