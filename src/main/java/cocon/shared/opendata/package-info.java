/**
 * Open data as modules publish it (ADR 0017): each module describes the datasets it owns as {@link OpenDataset}
 * beans (Table Schema, licence, last update, row count) and streams their rows, most by extending
 * {@link SqlDataset} with their own SQL and columns (ADR 0028); the platform collects them for the catalogue pages,
 * the DCAT-AP catalogue and the downloads, and writes every format the same way ({@link TabularFormat}: CSV after
 * Etalab's recommendations, JSON, XLSX for spreadsheet users).
 */
package cocon.shared.opendata;
