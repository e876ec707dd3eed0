package cocon.shared.identity;

/**
 * Whether a user name is a real identity of this instance (someone who signed in, or a demo persona), so that a
 * role or a seat on a committee is never given to a mistyped or invented name. Implemented by the platform.
 */
public interface KnownIdentities {

	boolean isKnown(String username);

	/** The name a known identity shows (« Anne Lefèvre (AMF) »), empty when none is known. */
	default java.util.Optional<String> displayName(String username) {
		return java.util.Optional.empty();
	}
}
