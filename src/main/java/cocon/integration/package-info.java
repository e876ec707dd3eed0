/**
 * Integration, a technical module: the public facts of the business modules sent to integrators outside the
 * application (Kafka, ADR 0024). It is the only technical module that reads other modules' published events, and
 * only to pass them on.
 */
@ApplicationModule(allowedDependencies = { "shared", "voting.events", "governance.events", "referent-territories.events", "deployment.events" })
package cocon.integration;

import org.springframework.modulith.ApplicationModule;
