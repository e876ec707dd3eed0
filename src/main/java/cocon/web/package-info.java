/**
 * Web, a technical module: the page shell in the State's design system (DSFR) with the home page, « Mon espace »,
 * the site map and the legal pages; RFC 9457 problem details for every API error and the French error pages; the
 * checks every request passes (size, text parameters, JSON input); the answer {@code 503} while the database is
 * out of reach (ADR 0010); the OpenAPI document. It owns no business rule and publishes no event.
 */
@ApplicationModule(allowedDependencies = { "shared", "platform" })
package cocon.web;

import org.springframework.modulith.ApplicationModule;
