/**
 * Voting's open data (ADR 0017): the {@code soutiens} dataset, one row per support, streamed from the database in
 * constant memory, and the {@code propositions} dataset with counts, population covered, withdrawals and status.
 */
package cocon.voting.opendata;
