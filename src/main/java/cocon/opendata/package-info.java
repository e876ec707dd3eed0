/**
 * Open data, a technical module: the datasets the business modules declare ({@code shared.opendata}) published per
 * campaign in CSV, JSON and XLSX with their Table Schema, a Data Package and a DCAT catalogue, under the Licence
 * Ouverte, and the pages that list them (ADR 0017, 0028). It reads no module's tables itself.
 */
@ApplicationModule(allowedDependencies = { "shared", "web" })
package cocon.opendata;

import org.springframework.modulith.ApplicationModule;
