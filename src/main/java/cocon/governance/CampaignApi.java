package cocon.governance;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cocon.shared.CampaignId;
import cocon.shared.Refusal;
import cocon.shared.identity.CurrentUser;

/** The campaigns API (issue 3): administrators schedule campaigns and change calendars; everyone reads them. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignApi {

	private final CampaignManagement management;
	private final Clock clock;

	CampaignApi(CampaignManagement management, Clock clock) {
		this.management = management;
		this.clock = clock;
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	public ResponseEntity<Map<String, Object>> schedule(@RequestBody CampaignRequest request, CurrentUser user) {
		var id = management.schedule(request.validate(), user.username());
		return ResponseEntity.created(URI.create("/api/campaigns/" + id)).body(Map.of("id", id.id()));
	}

	@io.swagger.v3.oas.annotations.Operation(summary = "Campagnes",
			description = "Les plus récentes d'abord (ouverture des contributions décroissante, puis titre). Paginé : page "
					+ "à partir de 0, de 1 à 500 campagnes par page (100 par défaut) ; total dans l'en-tête "
					+ "X-Total-Count, pages suivante et précédente dans l'en-tête Link.")
	@GetMapping
	public org.springframework.http.ResponseEntity<List<CampaignView>> all(
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page,
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "100") int size) {
		if (!cocon.shared.ListPage.valid(page, size)) {
			throw new Refusal.Invalid(cocon.shared.ListPage.BOUNDS);
		}
		var now = clock.instant();
		var all = management.all().stream().map(c -> CampaignView.of(c, now)).toList();
		var slice = cocon.shared.ListPage.of(all, page, size);
		var response = org.springframework.http.ResponseEntity.ok()
				.header("X-Total-Count", Long.toString(slice.total()));
		var link = slice.link("/api/campaigns");
		if (link != null) {
			response.header(org.springframework.http.HttpHeaders.LINK, link);
		}
		return response.body(slice.items());
	}

	@GetMapping("/{id}")
	public CampaignView one(@PathVariable CampaignId id) {
		return CampaignView.of(management.get(id), clock.instant());
	}

	@PutMapping("/{id}/calendar")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	public CampaignView changeCalendar(@PathVariable CampaignId id, @RequestBody(required = false) CalendarJson body,
			CurrentUser user) {
		management.get(id);
		if (body == null) {
			throw Refusal.Invalid.field("calendar", "Le calendrier est obligatoire.");
		}
		var errors = new Refusal.Collector();
		var calendar = body.toCalendar("calendar", errors);
		errors.throwIfAny();
		return CampaignView.of(management.changeCalendar(id, calendar, user.username()), clock.instant());
	}

	/** The audit trail of calendar changes (who, when, old and new calendar). */
	@GetMapping("/{id}/calendar-changes")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	public List<Campaigns.CalendarChangeView> calendarChanges(@PathVariable CampaignId id) {
		return management.calendarChanges(id);
	}
}
