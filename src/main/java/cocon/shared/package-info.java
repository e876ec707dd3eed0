/**
 * The shared kernel, open to every module and depending on none. It holds three things, and no business rule of any
 * one module:
 * <ul>
 * <li><b>The language every module speaks</b>: value types (SIREN and SIRET, campaign, contribution and proposal
 * identifiers, euros, time windows and the campaign calendar in Europe/Paris time, kinds of collectivité), the
 * refusal vocabulary every rule answers with ({@code Refusal}), a page of a list ({@code ListPage}), the signed-in
 * identity as modules see it ({@code identity}) and the read-only lookup of the collectivités directory
 * ({@code directory}).</li>
 * <li><b>Service provider interfaces</b> a technical module collects from the business modules without knowing them:
 * open datasets ({@code opendata}), the wayfinding of « Mon espace » and the home page ({@code wayfinding}), each
 * person's personal data ({@code identity.PersonalData}); and the annotation that puts a handler under the
 * per-address rate limit ({@code web.RateLimited}).</li>
 * <li><b>Technical helpers</b> several modules would otherwise write again: work after commit ({@code AfterCommit}),
 * the newest-wins upsert of a copy of another module's facts ({@code NewestCopy}, ADR 0018), events registered by
 * aggregates ({@code RegisteredEvents}), the cache bounded across instances ({@code cache}, ADR 0025), the CSV, JSON
 * and XLSX writer of the open data ({@code opendata.TabularFormat}), the one conversion of instants to and from
 * {@code timestamptz} columns ({@code Timestamps}) and the French form every search compares ({@code SearchText}).</li>
 * </ul>
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package cocon.shared;

import org.springframework.modulith.ApplicationModule;
