package cocon.shared.identity;

/**
 * Whether a user name is a real identity of this instance (someone who signed in, or a demo persona), so that a
 * role or a seat on a committee is never given to a mistyped or invented name. Implemented by the platform.
 */
public interface KnownIdentities {

	boolean isKnown(String username);
}
