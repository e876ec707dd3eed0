package cocon.shared;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** Identifies a proposal across every module (issued by the module that owns it). */
public record ProposalId(UUID id) implements Identifier {

	public ProposalId {
		if (id == null) {
			throw new IllegalArgumentException("L'identifiant de proposition est obligatoire.");
		}
	}

	public static ProposalId random() {
		return new ProposalId(UUID.randomUUID());
	}

	public static ProposalId of(String id) {
		return new ProposalId(UUID.fromString(id));
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
