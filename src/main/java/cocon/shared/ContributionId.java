package cocon.shared;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies a contribution across every module (issued by the module that owns it). */
public record ContributionId(UUID id) implements Identifier {

	public ContributionId {
		if (id == null) {
			throw new IllegalArgumentException("L'identifiant de contribution est obligatoire.");
		}
	}

	public static ContributionId random() {
		return new ContributionId(UUID.randomUUID());
	}

	public static ContributionId of(String id) {
		return new ContributionId(UUID.fromString(id));
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
