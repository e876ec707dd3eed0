/**
 * Demo, a technical module of the embedded default only: the living replay of the 2021 consultation driven through
 * the application's own HTTP API (ADR 0014), its moments, the replay clock, and the administrator's reset of the
 * demonstration. It changes no module's tables directly but through their API, and is never active in production.
 */
@ApplicationModule(allowedDependencies = { "shared", "web", "identity" })
package cocon.demo;

import org.springframework.modulith.ApplicationModule;
