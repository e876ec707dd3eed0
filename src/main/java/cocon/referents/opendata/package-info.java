/**
 * Referent territories' open data (ADR 0017): the {@code groupes-de-travail} dataset, the collectivités of each
 * working group, without contact name or address.
 */
package cocon.referents.opendata;
