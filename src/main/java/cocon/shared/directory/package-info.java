/**
 * The read-only API of the collectivités directory, implemented by the {@code directory} module.
 */
package cocon.shared.directory;
