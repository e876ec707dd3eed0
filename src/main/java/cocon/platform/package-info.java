/**
 * Platform, a technical module: the application's start-up and runtime. The embedded PostgreSQL of the default run,
 * the migrations of every module's schema, the clock every rule of time reads, the scheduled work run once across
 * instances (ShedLock), the executor of the event deliveries, bounded to half the connection pool (ADR 0080), and the
 * re-delivery of event publications that failed (ADR 0006, 0010, 0011).
 */
@ApplicationModule(allowedDependencies = { "shared" })
package cocon.platform;

import org.springframework.modulith.ApplicationModule;
