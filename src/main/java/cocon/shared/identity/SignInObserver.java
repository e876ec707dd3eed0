package cocon.shared.identity;

/**
 * Told, once per person and running instance, that a person signed in, with the address their identity provider gave
 * and the organisation they act for. The notifications module keeps from it who may be told what (ADR 41): an
 * address is personal data, so it never travels in an event (ADR 13), whose registry keeps every publication.
 * Identity calls every implementation after the sign-in; a failure of one never fails the sign-in.
 */
public interface SignInObserver {

	void signedIn(CurrentUser user);
}
