package cocon.identity;

import java.util.Set;

import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** The attributes of a session as {@link RecentSessions} keeps them in memory, and as it gives them to a request. */
final class KeptAttributes {

	private final DeserializingConverter deserializer;

	KeptAttributes(ClassLoader classLoader) {
		this.deserializer = new DeserializingConverter(classLoader);
	}

	/**
	 * An attribute as kept here (ADR 57): a value that no request can change (a string, a number, a CSRF token) or a
	 * security context, deserialized once from its stored form, so never the object of the request that wrote it; any
	 * other value serialized, as in the table. Deserializing the security context at every request was the largest
	 * cost of a session served from memory.
	 */
	Object kept(byte[] serialized) {
		Object value = deserializer.convert(serialized);
		if (value instanceof SecurityContext context) {
			return new KeptContext(context.getAuthentication());
		}
		return IMMUTABLE.contains(value.getClass()) ? value : serialized;
	}

	/**
	 * What a request gets: its own security context (a request may set or clear the authentication of its context,
	 * a sign-out does), around the authentication restored once, which nothing changes once signed in; the immutable
	 * values themselves; a copy of anything else.
	 */
	Object given(Object kept) {
		if (kept instanceof KeptContext context) {
			return new SecurityContextImpl(context.authentication());
		}
		return kept instanceof byte[] serialized ? deserializer.convert(serialized) : kept;
	}

	private record KeptContext(Authentication authentication) {
	}

	/** Values that no one can change, given as they are to every request. */
	private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Long.class, Integer.class, Boolean.class,
			DefaultCsrfToken.class);
}
