/**
 * The signed-in identity as modules see it; the platform module resolves it from Spring Security.
 */
package cocon.shared.identity;
