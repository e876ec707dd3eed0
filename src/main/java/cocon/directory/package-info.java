/**
 * Directory: the reference data of the collectivités (communes, EPCI, départements, régions, collectivités à
 * statut particulier) loaded from the official open data of the administrative map, with its public search API.
 * It implements the read-only {@code Directory} lookup of the shared kernel; no module changes it.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package cocon.directory;

import org.springframework.modulith.ApplicationModule;
