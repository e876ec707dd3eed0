package cocon.notifications;

import java.util.List;

import org.springframework.stereotype.Component;

import cocon.shared.identity.CurrentUser;
import cocon.shared.wayfinding.WorkItem;
import cocon.shared.wayfinding.WorkItems;

/** The notifications' part of « Mon espace »: where each person chooses the mails they receive. */
@Component
class NotificationsWayfinding implements WorkItems {

	@Override
	public List<WorkItem> of(CurrentUser user) {
		return List.of(new WorkItem("Mes notifications", "Choisir les courriels que je reçois", Preferences.PATH,
				"Ouvertures, rappels, décisions : à chaque fois, en résumé hebdomadaire ou jamais", false));
	}
}
