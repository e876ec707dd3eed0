package cocon.shared;

import java.time.Instant;
import java.util.Optional;

/**
 * What another module's page shows of a published proposal's supports (its count, whether supports are open, and
 * whether the viewer's collectivité supports it), answered by the module that counts them (voting). A read-only
 * port for pages: it lets curation's public proposal page show the count and the support button without depending
 * on voting.
 */
public interface ProposalSupports {

	/**
	 * @param supportCount collectivités supporting the proposal now
	 * @param window the support window of the proposal's campaign
	 * @param supportedSince when the viewer's collectivité gave its support, null if it does not support it (or there
	 * is no viewer)
	 */
	record Summary(long supportCount, Window window, Instant supportedSince) {

		public boolean supportedByViewer() {
			return supportedSince != null;
		}
	}

	/** The proposal's supports, seen by the collectivité of that SIREN if given; empty if voting does not know it. */
	Optional<Summary> of(ProposalId proposal, Siren viewer);
}
