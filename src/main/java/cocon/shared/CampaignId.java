package cocon.shared;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies a campaign (a consultation with its calendar and envelope) across every module. */
public record CampaignId(UUID id) implements Identifier {

	public CampaignId {
		if (id == null) {
			throw new IllegalArgumentException("L'identifiant de campagne est obligatoire.");
		}
	}

	public static CampaignId random() {
		return new CampaignId(UUID.randomUUID());
	}

	public static CampaignId of(String id) {
		return new CampaignId(UUID.fromString(id));
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
