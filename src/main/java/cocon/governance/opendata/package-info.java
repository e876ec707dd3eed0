/**
 * Governance's open data (ADR 0017): the list of published campaigns for the catalogue, the committee's
 * {@code decisions} (organisations present and stepping out, never member names) and the {@code projets-finances}.
 */
package cocon.governance.opendata;
