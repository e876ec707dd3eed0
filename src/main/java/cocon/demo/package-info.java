/**
 * Demo, a technical module of the embedded default only: the living replay of the 2021 consultation driven through
 * the application's own HTTP API (ADR 0014), its moments up to the services' deployment in 2023, the replay clock,
 * and the administrator's reset of the demonstration. The story is told once, in {@code demo/consultation-2021.json}
 * ({@link cocon.demo.Consultation2021}, which tests read too), played out by a seeded plan and sent by a driver
 * (ADR 0044). It changes no module's tables directly but through their API, and is never active in production.
 */
@ApplicationModule(allowedDependencies = { "shared", "web", "identity" })
package cocon.demo;

import org.springframework.modulith.ApplicationModule;
