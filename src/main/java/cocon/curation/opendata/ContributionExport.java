package cocon.curation.opendata;

import cocon.shared.opendata.DatasetRows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cocon.shared.identity.CurrentUser;
import cocon.shared.opendata.TableSchema;
import cocon.shared.opendata.TableSchema.Field;
import cocon.shared.opendata.TableSchema.Type;
import cocon.shared.opendata.TabularFormat;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The curators' export of a campaign's contributions with their outcome (grouped into which proposal, reoriented to
 * what, rejected why), in CSV or XLSX, for work outside the tool. It holds what contributors wrote and their
 * organisations: not public, and every export is recorded (who, when, format, rows) before it is written.
 */
@RestController
class ContributionExport {

	record ExportRecord(String format, int rows, String exportedBy, Instant exportedAt) {
	}

	static final TableSchema SCHEMA = new TableSchema(List.of(
			Field.of("contribution_id", Type.STRING, "Contribution", "Identifiant").mandatory(),
			Field.of("date_depot", Type.DATETIME, "Date de dépôt", "").mandatory(),
			Field.of("siren", Type.STRING, "SIREN", "SIREN de l'organisation").mandatory(),
			Field.of("organisation", Type.STRING, "Organisation", "Nom de l'organisation").mandatory(),
			Field.of("nature_organisation", Type.STRING, "Nature", "").mandatory(),
			Field.of("role_auteur", Type.STRING, "Rôle de l'auteur", "élu, agent ou partenaire"),
			Field.of("theme", Type.STRING, "Thème", "").mandatory(),
			Field.of("titre", Type.STRING, "Titre", "").mandatory(),
			Field.of("besoin", Type.STRING, "Besoin", "").mandatory(),
			Field.of("issue", Type.STRING, "Issue", "en-attente, regroupee, reorientee ou rejetee").mandatory(),
			Field.of("proposition_id", Type.STRING, "Proposition", "La proposition qui la regroupe"),
			Field.of("proposition_titre", Type.STRING, "Titre de la proposition", ""),
			Field.of("reorientee_vers", Type.STRING, "Réorientée vers", ""),
			Field.of("note_reorientation", Type.STRING, "Note de réorientation", ""),
			Field.of("motif_rejet", Type.STRING, "Motif du rejet", ""),
			Field.of("decidee_le", Type.DATETIME, "Décidée le", "")),
			List.of("contribution_id"));

	private final JdbcClient jdbc;
	private final Clock clock;

	ContributionExport(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Operation(summary = "Exporter les contributions d'une campagne avec leur issue (curateurs)",
			description = "CSV ou XLSX. Contient des données personnelles des contributeurs (organisation, rôle, "
					+ "texte) : chaque export est journalisé (qui, quand, format, nombre de lignes).")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Le fichier, selon l'extension",
			content = {
					@io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
							schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")),
					@io.swagger.v3.oas.annotations.media.Content(
							mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
							schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")) })
	@GetMapping("/api/campaigns/{id}/contributions/export.{format:csv|xlsx}")
	@PreAuthorize("hasRole('CURATOR')")
	void export(@PathVariable UUID id, @PathVariable String format, CurrentUser user, HttpServletResponse response)
			throws IOException {
		var known = jdbc.sql("select count(*) from curation.campaign where id = ?").param(id).query(Long.class).single();
		if (known == 0) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucune campagne ne porte l'identifiant " + id + ".");
		}
		var tabular = TabularFormat.ofExtension(format);
		int rows = jdbc.sql("select count(*) from curation.contribution where campaign_id = ?").param(id)
				.query(Integer.class).single();
		jdbc.sql("""
				insert into curation.contribution_export (campaign_id, format, row_count, exported_by, exported_at)
				values (?, ?, ?, ?, ?)""")
				.params(id, tabular.extension(), rows, user.username(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.update();
		response.setContentType(tabular.mediaType());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("contributions-" + id.toString().substring(0, 8) + "." + tabular.extension(),
						StandardCharsets.UTF_8)
				.build().toString());
		try (var writer = tabular.openForSpreadsheet(response.getOutputStream(), SCHEMA, "contributions")) {
			jdbc.sql("""
					select x.id, x.submitted_at, x.organisation_siren, x.organisation_name, x.organisation_kind,
					       x.author_role, x.theme, x.title, x.need, x.outcome, x.proposal_id, p.title as proposal_title,
					       x.reorientation_target, x.reorientation_note, x.rejection_reason, x.decided_at
					from curation.contribution x left join curation.proposal p on p.id = x.proposal_id
					where x.campaign_id = ? order by x.submitted_at, x.id""")
					.param(id)
					.query(rs -> {
						writer.row(DatasetRows.uuid(rs, "id"), DatasetRows.instant(rs, "submitted_at"),
								rs.getString("organisation_siren"), rs.getString("organisation_name"),
								DatasetRows.kind(rs.getString("organisation_kind")), role(rs.getString("author_role")),
								rs.getString("theme"), rs.getString("title"), rs.getString("need"),
								Sql.outcome(rs.getString("outcome")), DatasetRows.uuid(rs, "proposal_id"),
								rs.getString("proposal_title"), rs.getString("reorientation_target"),
								rs.getString("reorientation_note"), rs.getString("rejection_reason"),
								DatasetRows.instant(rs, "decided_at"));
					});
		}
	}

	@Operation(summary = "Journal des exports de contributions d'une campagne (curateurs et administrateurs)")
	@GetMapping("/api/campaigns/{id}/contributions/exports")
	@PreAuthorize("hasAnyRole('CURATOR', 'ADMINISTRATOR')")
	List<ExportRecord> exports(@PathVariable UUID id) {
		return jdbc.sql("""
				select format, row_count, exported_by, exported_at from curation.contribution_export
				where campaign_id = ? order by exported_at desc, id desc""")
				.param(id)
				.query((rs, n) -> new ExportRecord(rs.getString("format"), rs.getInt("row_count"),
						rs.getString("exported_by"), DatasetRows.instant(rs, "exported_at")))
				.list();
	}

	private static String role(String stored) {
		if (stored == null) {
			return null;
		}
		return switch (stored) {
			case "ELU" -> "élu";
			case "AGENT" -> "agent";
			case "PARTENAIRE" -> "partenaire";
			default -> stored.toLowerCase(java.util.Locale.FRENCH);
		};
	}
}
