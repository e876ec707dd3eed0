/**
 * Deployment's open data (ADR 0017): the {@code services} dataset, one row per service with its phase, budget,
 * milestones and adoptions, and the {@code adoptions} dataset, one row per current adoption of a collectivité. No
 * person: neither the team, nor the agents who declared, nor the feedback texts.
 */
package cocon.deployment.opendata;
