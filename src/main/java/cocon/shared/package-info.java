/**
 * The shared kernel: value types that every module speaks (SIREN and SIRET, campaign, contribution and
 * proposal identifiers, money in euros, time windows and the campaign calendar in Europe/Paris time, kinds
 * of collectivité), the signed-in identity as modules see it, and the read-only lookup of the collectivités
 * directory. It holds no business rule of any one module and depends on no module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package cocon.shared;

import org.springframework.modulith.ApplicationModule;
