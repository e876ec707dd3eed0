/**
 * The public facts of the modules sent to integrators outside the application (Kafka, ADR 0024).
 */
package cocon.platform.integration;
