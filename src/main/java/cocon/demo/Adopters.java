package cocon.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import cocon.demo.DeploymentPlan.Act;
import cocon.demo.DeploymentPlan.Adopt;

/**
 * Who adopts a service, and when: its referent territories first (testing it as soon as it is experimented, using it
 * once it is available), then collectivités of their départements, then others further away, more of them as the
 * service matures; some declare their interest before using it, a few give up, with a reason, and the adopters of a
 * stopped service mostly leave it.
 */
final class Adopters {

	/** The days a service changed phase (null when it did not). */
	record Dates(LocalDate named, LocalDate experimenting, LocalDate available, LocalDate stop) {
	}

	private static final String LEFT_WHEN_STOPPED = "Le service a été arrêté : nous sommes revenus à notre ancienne organisation.";

	private final DeploymentPlan plan;
	private final Random random;
	private final LocalDate last;

	Adopters(DeploymentPlan plan, Random random, LocalDate last) {
		this.plan = plan;
		this.random = random;
		this.last = last;
	}

	void plan(int n, String service, String target, List<Org> group, List<Org> candidates, Dates d, List<Act> acts) {
		for (var org : group) {
			if (random.nextInt(5) == 0) {
				continue;
			}
			if (d.experimenting() == null) {
				var until = d.stop() != null ? d.stop() : last;
				long span = ChronoUnit.DAYS.between(d.named(), until) - 31;
				if (span > 0) {
					acts.add(adopt(d.named().plusDays(30 + random.nextLong(span)), service, org, "INTERESSEE", null));
				}
			}
			else {
				acts.add(adopt(d.experimenting().plusDays(5 + random.nextInt(55)), service, org, "EN_TEST", null));
				if (d.available() != null) {
					acts.add(adopt(d.available().plusDays(5 + random.nextInt(55)), service, org, "EN_SERVICE", null));
				}
			}
			if (d.stop() != null) {
				acts.add(adopt(d.stop().plusDays(3 + random.nextInt(27)), service, org, "ABANDONNEE", LEFT_WHEN_STOPPED));
			}
		}
		others(service, target, group, candidates, d, acts);
	}

	private void others(String service, String target, List<Org> group, List<Org> candidates, Dates d,
			List<Act> acts) {
		var mean = plan.deployment().adopters();
		int average = switch (target) {
			case "EN_CONSTRUCTION" -> mean.construction();
			case "EN_EXPERIMENTATION" -> mean.experimentation();
			case "DISPONIBLE" -> mean.available();
			case "GENERALISE" -> mean.generalised();
			default -> mean.stopped();
		};
		int count = (int) Math.round(average * (0.6 + 0.8 * random.nextDouble()));
		var from = d.available() != null ? d.available()
				: d.experimenting() != null ? d.experimenting().plusDays(45) : d.named().plusDays(60);
		var to = d.stop() != null ? d.stop().minusDays(1) : last;
		long span = ChronoUnit.DAYS.between(from, to);
		if (span < 10) {
			return;
		}
		var members = new HashSet<String>();
		group.forEach(o -> members.add(o.siren()));
		var departements = new HashSet<String>();
		group.forEach(o -> departements.add(o.departement()));
		departements.remove("");
		var near = new ArrayList<Org>();
		var far = new ArrayList<Org>();
		for (var org : candidates) {
			if (!members.contains(org.siren())) {
				(departements.contains(org.departement()) ? near : far).add(org);
			}
		}
		Collections.shuffle(near, random);
		Collections.shuffle(far, random);
		int neighbours = Math.min(near.size(), (int) Math.round(count * 0.45));
		var adopters = new ArrayList<Org>(near.subList(0, neighbours));
		adopters.addAll(far.subList(0, Math.min(far.size(), count - neighbours)));
		for (int k = 0; k < adopters.size(); k++) {
			double u = random.nextDouble();
			// neighbours early, the others spreading as the service becomes known
			double share = k < neighbours ? 0.7 * u * u : 0.1 + 0.9 * Math.sqrt(u);
			var day = from.plusDays(Math.round(span * share));
			declare(service, target, adopters.get(k), day, from, d, acts);
		}
	}

	private void declare(String service, String target, Org org, LocalDate day, LocalDate from, Dates d,
			List<Act> acts) {
		double r = random.nextDouble();
		switch (target) {
			case "EN_CONSTRUCTION" -> acts.add(adopt(day, service, org, "INTERESSEE", null));
			case "EN_EXPERIMENTATION" -> acts.add(adopt(day, service, org, r < 0.6 ? "INTERESSEE" : "EN_TEST", null));
			case "ARRETE" -> {
				acts.add(adopt(day, service, org, r < 0.5 ? "INTERESSEE" : "EN_TEST", null));
				if (random.nextBoolean() && d.stop().plusDays(5).isBefore(last)) {
					acts.add(adopt(d.stop().plusDays(5 + random.nextInt(25)), service, org, "ABANDONNEE", LEFT_WHEN_STOPPED));
				}
			}
			default -> {
				if (r < 0.55) {
					var earlier = day.minusDays(30 + random.nextInt(90));
					if (random.nextInt(3) == 0 && !earlier.isBefore(d.experimenting())) {
						acts.add(adopt(earlier, service, org, "INTERESSEE", null));
					}
					acts.add(adopt(day, service, org, "EN_SERVICE", null));
				}
				else if (r < 0.75) {
					acts.add(adopt(day, service, org, "EN_TEST", null));
				}
				else if (r < 0.95) {
					acts.add(adopt(day, service, org, "INTERESSEE", null));
				}
				else {
					var tested = day.minusDays(60 + random.nextInt(90));
					if (!tested.isBefore(from)) {
						acts.add(adopt(tested, service, org, "EN_TEST", null));
					}
					acts.add(adopt(day, service, org, "ABANDONNEE", plan.pick(plan.deployment().abandonReasons())));
				}
			}
		}
	}

	/**
	 * An adoption declared on the Thursday of its week: collectivités declare day after day, but one instant a week
	 * lets the replay send a week's declarations together.
	 */
	private Adopt adopt(LocalDate day, String service, Org org, String status, String note) {
		var thursday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
		return new Adopt(LocalDateTime.of(DeploymentPlan.min(thursday, last), LocalTime.of(10, 0)), service, org, status,
				note);
	}
}
