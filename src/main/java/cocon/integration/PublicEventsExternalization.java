package cocon.integration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

import cocon.governance.events.ProjectsFunded;
import cocon.governance.events.ProposalsShortlisted;
import cocon.referents.events.ReferentTerritoryJoined;
import cocon.shared.CampaignId;
import cocon.voting.events.SupportsClosed;
import cocon.voting.events.SupportsRecorded;

/**
 * The public facts sent to Kafka for integrators (ADR 0024, {@code docs/evenements-publics.md}), through Spring
 * Modulith's externalisation: off by default, on with {@code spring.modulith.events.externalization.enabled=true}
 * ({@code COCON_KAFKA_ENABLED}) and a broker in {@code spring.kafka.bootstrap-servers}. Each externalised event is a
 * publication of the registry like any listener's, so it reaches the broker at least once, also after a crash or an
 * outage of the broker (the locked resubmission job, ADR 0011); integrators drop a repeated message by its content.
 * <p>
 * The selection is made here rather than by annotating the events: the modules' published language does not know
 * about Kafka. Every message goes to one topic ({@code cocon.events.kafka.topic}), keyed by the campaign, so that
 * the facts of one campaign keep their order on one partition; its body is the event in JSON, its headers say which
 * fact it is ({@value #TYPE_HEADER}) and in which version of its format ({@value #VERSION_HEADER}).
 */
@Configuration(proxyBeanMethods = false)
class PublicEventsExternalization {

	static final String TYPE_HEADER = "cocon-type";
	static final String VERSION_HEADER = "cocon-version";

	/** The version of the format of every public fact; the rule of its changes is in docs/evenements-publics.md. */
	static final String VERSION = "1";

	/** The public facts and their campaign, by type: nothing else leaves the application. */
	private static final Map<Class<?>, java.util.function.Function<Object, CampaignId>> PUBLIC = new LinkedHashMap<>();

	static {
		PUBLIC.put(SupportsRecorded.class, event -> ((SupportsRecorded) event).campaignId());
		PUBLIC.put(SupportsClosed.class, event -> ((SupportsClosed) event).campaignId());
		PUBLIC.put(ProposalsShortlisted.class, event -> ((ProposalsShortlisted) event).campaignId());
		PUBLIC.put(ProjectsFunded.class, event -> ((ProjectsFunded) event).campaignId());
		PUBLIC.put(ReferentTerritoryJoined.class, event -> ((ReferentTerritoryJoined) event).campaignId());
		PUBLIC.put(cocon.deployment.events.ServicePhaseChanged.class,
				event -> ((cocon.deployment.events.ServicePhaseChanged) event).campaignId());
		PUBLIC.put(cocon.deployment.events.AdoptionDeclared.class,
				event -> ((cocon.deployment.events.AdoptionDeclared) event).campaignId());
	}

	/** The simple names of the public facts, as the {@value #TYPE_HEADER} header gives them. */
	static java.util.Set<String> publicTypes() {
		var names = new java.util.LinkedHashSet<String>();
		PUBLIC.keySet().forEach(type -> names.add(type.getSimpleName()));
		return names;
	}

	@Bean
	EventExternalizationConfiguration publicEvents(@Value("${cocon.events.kafka.topic:cocon.evenements-publics}") String topic) {
		return EventExternalizationConfiguration.externalizing()
				.select(event -> PUBLIC.containsKey(event.getClass()))
				.headers(event -> Map.of(TYPE_HEADER, event.getClass().getSimpleName(), VERSION_HEADER, VERSION))
				.routeAll(event -> RoutingTarget.forTarget(topic)
						.andKey(PUBLIC.get(event.getClass()).apply(event).id().toString()))
				.build();
	}
}
