package cocon.identity;

/**
 * Whether this database ever served a real sign-in (ProConnect), recorded at the first one and never forgotten: the
 * demonstration's reset refuses to empty a database that did (ADR 0034).
 */
public interface SignInHistory {

	boolean realSignInSeen();
}
