/**
 * Notifications: who hears of what, and when. The one outbox of the application's mails (exactly once per person and
 * notification, retried with back-off, never blocking the decision that caused it); the contributors told what became
 * of their contribution and of its proposal; the agents and élus of collectivités told of the openings at their
 * instant, reminded before the supports close when their collectivité supported nothing yet, told of the results and
 * of the decisions on what they supported; the curators' daily digest; the committee members' reminder the day before
 * a decision day; anyone's subscription to the campaigns' news without an account (double opt-in, ADR 51); each
 * person's preferences and the one-click unsubscribe of every mail. Fed by the other modules' events only; learns who
 * signed in, and a contributor's address, and a committee's members, through the shared kernel's {@code
 * SignInObserver}, {@code ContributionAuthors} and {@code CommitteeAgenda}, because events carry no personal data (ADR
 * 13, ADR 41). Publishes nothing.
 */
@ApplicationModule(allowedDependencies = { "shared", "intake.events", "curation.events", "governance.events",
		"voting.events", "referent-territories.events", "deployment.events" })
package cocon.notifications;

import org.springframework.modulith.ApplicationModule;
