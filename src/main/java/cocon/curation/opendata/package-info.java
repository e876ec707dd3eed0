/**
 * Curation's open data (ADR 0017): the {@code entonnoir} dataset (the funnel by theme), the {@code contributions}
 * dataset for a campaign that makes their texts public, and the curators' logged export of a campaign's
 * contributions with their outcome.
 */
package cocon.curation.opendata;
