package cocon.curation;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cocon.shared.CampaignId;

/** Public reads of curation: the funnel report. */
@RestController
class PublicCurationApi {

	private final Campaigns campaigns;
	private final CurationReports reports;

	PublicCurationApi(Campaigns campaigns, CurationReports reports) {
		this.campaigns = campaigns;
		this.reports = reports;
	}

	@GetMapping("/api/campaigns/{id}/curation-report")
	CurationReports.Report report(@PathVariable UUID id) {
		return reports.report(campaigns.get(new CampaignId(id)).id());
	}
}
