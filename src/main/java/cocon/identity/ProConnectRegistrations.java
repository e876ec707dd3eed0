package cocon.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * ProConnect's client registration, read from its discovery document when first needed rather than while the
 * application starts (issue 21, point 2): a ProConnect outage or a DNS hiccup during a deployment leaves Cocon up, its
 * public pages and open data served, and only the sign-in unavailable, until ProConnect answers again — without a
 * restart. Once read, the registration is kept. Between two failed attempts, {@code proconnect.discovery-retry} (10 s)
 * passes, so that a
 * provider that is down costs the sign-in page nothing.
 * <p>
 * Also the health of the sign-in ({@code proconnect}): {@link #DEGRADED} while ProConnect cannot be reached, a status
 * that the readiness group orders after UP, so that the instance is never taken out of the load balancer for it
 * (ADR 0032).
 */
class ProConnectRegistrations implements ClientRegistrationRepository {

	private static final Logger LOG = LoggerFactory.getLogger(ProConnectRegistrations.class);

	static final Status DEGRADED = new Status("DEGRADED", "La connexion par ProConnect est indisponible : ProConnect ne répond pas.");

	private final ProConnectSettings settings;
	private final RestClient http;
	private final Clock clock;

	private volatile ClientRegistration registration;
	private volatile Instant failedAt;
	private volatile String failure;
	private final AtomicBoolean discovering = new AtomicBoolean();

	ProConnectRegistrations(ProConnectSettings settings, RestClient http, Clock clock) {
		this.settings = settings;
		this.http = http;
		this.clock = clock;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return ProConnectConfiguration.REGISTRATION_ID.equals(registrationId) ? registration() : null;
	}

	/** Whether ProConnect's registration is known: read now if it is not and the last attempt is old enough. */
	boolean available() {
		return registration() != null;
	}

	/** The registration, or {@literal null} while ProConnect cannot be reached. */
	ClientRegistration registration() {
		var known = registration;
		if (known != null) {
			return known;
		}
		var lastFailure = failedAt;
		if (lastFailure != null && clock.instant().isBefore(lastFailure.plus(settings.discoveryRetry()))) {
			return null;
		}
		return discover();
	}

	private synchronized ClientRegistration discover() {
		if (registration != null) {
			return registration;
		}
		try {
			registration = build(http.get()
					.uri(settings.issuer() + "/.well-known/openid-configuration")
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(new ParameterizedTypeReference<Map<String, Object>>() {
					}));
			if (failedAt != null) {
				LOG.info("ProConnect répond de nouveau : la connexion est rétablie ({}).", settings.issuer());
			}
			failedAt = null;
			failure = null;
			return registration;
		}
		catch (RestClientException | IllegalStateException | IllegalArgumentException e) {
			if (failedAt == null) {
				LOG.warn("ProConnect injoignable ({}) : la connexion est indisponible, nouvel essai dans {} s au plus tôt. Cause : {}",
						settings.issuer(), settings.discoveryRetry().toSeconds(), e.getMessage());
			}
			failedAt = clock.instant();
			failure = e.getMessage();
			return null;
		}
	}

	private ClientRegistration build(Map<String, Object> discovery) {
		if (discovery == null || !settings.issuer().equals(discovery.get("issuer"))) {
			throw new IllegalStateException("le document de découverte annonce l'émetteur « "
					+ (discovery == null ? null : discovery.get("issuer")) + " » au lieu de « " + settings.issuer() + " »");
		}
		return ClientRegistration.withRegistrationId(ProConnectConfiguration.REGISTRATION_ID)
				.clientName("ProConnect")
				.clientId(settings.clientId())
				.clientSecret(settings.clientSecret())
				// ProConnect authenticates its clients by the secret in the body of the token request
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(settings.redirectUri())
				.scope("openid", "email", "given_name", "usual_name", "siret", "idp_id", "uid")
				.userNameAttributeName("sub")
				.issuerUri(settings.issuer())
				.authorizationUri(text(discovery, "authorization_endpoint"))
				.tokenUri(text(discovery, "token_endpoint"))
				.userInfoUri(text(discovery, "userinfo_endpoint"))
				.jwkSetUri(text(discovery, "jwks_uri"))
				.providerConfigurationMetadata(discovery)
				.build();
	}

	private static String text(Map<String, Object> discovery, String name) {
		return Objects.requireNonNull(discovery.get(name), () -> "le document de découverte n'a pas de « " + name + " »")
				.toString();
	}

	/** Tried once as soon as the application is ready, without holding its start. */
	@EventListener(ApplicationReadyEvent.class)
	void discoverInBackground() {
		if (registration == null && discovering.compareAndSet(false, true)) {
			CompletableFuture.runAsync(() -> {
				try {
					registration();
				}
				finally {
					discovering.set(false);
				}
			});
		}
	}

	/** Never waits for ProConnect: a probe answers at once, and a new attempt, if due, runs aside. */
	Health health() {
		if (registration == null) {
			discoverInBackground();
		}
		if (registration != null) {
			return Health.up().withDetail("issuer", settings.issuer()).build();
		}
		return Health.status(DEGRADED).withDetail("issuer", settings.issuer())
				.withDetail("cause", Objects.toString(failure, "inconnue")).build();
	}
}
