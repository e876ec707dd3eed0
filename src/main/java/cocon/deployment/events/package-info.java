/**
 * The published language of this module: immutable domain events carrying identifiers and plain values only.
 * This is the only part of the module other modules may refer to.
 */
@ApplicationModule(displayName = "Deployment events", type = ApplicationModule.Type.OPEN)
package cocon.deployment.events;

import org.springframework.modulith.ApplicationModule;
