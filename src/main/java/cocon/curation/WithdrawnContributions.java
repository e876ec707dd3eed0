package cocon.curation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cocon.intake.events.ContributionRevised;
import cocon.intake.events.ContributionWithdrawn;

/**
 * What its author changes of a contribution still waiting in the queue (issue 25, point 6): a correction replaces the
 * text to triage, a withdrawal takes the contribution out of the queue and of the funnel. Once a curator decided, the
 * decision stands (intake refuses the change as well; only a change crossing a decision in flight reaches here late).
 */
@Component
class WithdrawnContributions {

	private static final Logger LOG = LoggerFactory.getLogger(WithdrawnContributions.class);

	private final JdbcClient jdbc;

	WithdrawnContributions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void withdrawn(ContributionWithdrawn event) {
		var id = event.contributionId().id();
		// a pending contribution may have a history (a grouping undone): it goes with the contribution
		jdbc.sql("""
				delete from curation.history h where h.contribution_id = :id
				and exists (select 1 from curation.contribution c where c.id = :id and c.outcome = 'PENDING')""")
				.param("id", id).update();
		int removed = jdbc.sql("delete from curation.contribution where id = :id and outcome = 'PENDING'")
				.param("id", id).update();
		if (removed == 0) {
			LOG.info("Retrait de la contribution {} par son auteur : déjà analysée ou inconnue, rien à retirer.", id);
		}
	}

	@Transactional
	void revised(ContributionRevised event) {
		int updated = jdbc.sql("""
				update curation.contribution set title = :title, need = :need, theme = :theme, author_role = :role,
				  version = version + 1
				where id = :id and outcome = 'PENDING'""")
				.param("id", event.contributionId().id()).param("title", event.title()).param("need", event.need())
				.param("theme", event.theme()).param("role", event.authorRole()).update();
		if (updated == 0) {
			LOG.info("Correction de la contribution {} par son auteur : déjà analysée ou inconnue, texte inchangé.",
					event.contributionId());
		}
	}
}
