package cocon.intake;

import org.jmolecules.ddd.annotation.ValueObject;

import cocon.shared.ProposalId;

/**
 * What became of a contribution. Every contribution ends in exactly one of grouped, reoriented (with a target) or
 * rejected (with a reason); until curation decides, it is pending.
 */
@ValueObject
sealed interface Outcome {

	Status status();

	enum Status {
		PENDING("En attente d'analyse"), GROUPED("Intégrée à une proposition"), REORIENTED("Réorientée"),
		REJECTED("Non retenue");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	Pending PENDING = new Pending();

	record Pending() implements Outcome {
		@Override
		public Status status() {
			return Status.PENDING;
		}
	}

	record Grouped(ProposalId proposalId, String proposalTitle) implements Outcome {
		public Grouped {
			if (proposalId == null || proposalTitle == null || proposalTitle.isBlank()) {
				throw new IllegalArgumentException("Une contribution regroupée l'est dans une proposition nommée.");
			}
		}

		@Override
		public Status status() {
			return Status.GROUPED;
		}
	}

	record Reoriented(String target, String note) implements Outcome {
		public Reoriented {
			if (target == null || target.isBlank()) {
				throw new IllegalArgumentException("Une contribution réorientée l'est vers un programme ou un service.");
			}
		}

		@Override
		public Status status() {
			return Status.REORIENTED;
		}
	}

	record Rejected(String reason) implements Outcome {
		public Rejected {
			if (reason == null || reason.isBlank()) {
				throw new IllegalArgumentException("Une contribution écartée l'est pour une raison.");
			}
		}

		@Override
		public Status status() {
			return Status.REJECTED;
		}
	}
}
