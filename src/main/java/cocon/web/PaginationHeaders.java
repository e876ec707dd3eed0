package cocon.web;

import java.lang.reflect.RecordComponent;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import cocon.shared.ListPage;

/**
 * One pagination convention for the whole API (issue 22): the lists answered as an array say their total and
 * neighbour pages in headers ({@code X-Total-Count}, {@code Link}, {@link ListPage}); the lists answered as an
 * envelope ({@code content}, {@code page}, {@code size}, {@code totalElements}, {@code totalPages}) keep that shape,
 * which integrators use, and get the same headers here — whatever the module's record, as long as it has those
 * components.
 */
@RestControllerAdvice
class PaginationHeaders implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		var type = returnType.getParameterType();
		return type.isRecord() && component(type, "totalElements") != null && component(type, "page") != null
				&& component(type, "size") != null;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body == null || !body.getClass().isRecord()) {
			return body;
		}
		try {
			long total = ((Number) value(body, "totalElements")).longValue();
			int page = ((Number) value(body, "page")).intValue();
			int size = ((Number) value(body, "size")).intValue();
			var headers = response.getHeaders();
			headers.set("X-Total-Count", Long.toString(total));
			var query = request.getURI().getRawQuery();
			var path = request.getURI().getRawPath() + keptParameters(query);
			var link = new ListPage<>(java.util.List.of(), page, Math.max(size, 1), total).link(path);
			if (link != null) {
				headers.set(HttpHeaders.LINK, path.contains("?") ? link.replace("?page=", "&page=") : link);
			}
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			// headers are a convenience: the body says it all
		}
		return body;
	}

	/** A component of a module's record, which is not public: its accessor is opened for this read. */
	private static Object value(Object record, String name) throws ReflectiveOperationException {
		var accessor = component(record.getClass(), name).getAccessor();
		accessor.setAccessible(true);
		return accessor.invoke(record);
	}

	/** The query without its page and size, which the links set. */
	private static String keptParameters(@Nullable String query) {
		if (query == null || query.isEmpty()) {
			return "";
		}
		var kept = new StringBuilder();
		for (var parameter : query.split("&")) {
			if (!parameter.startsWith("page=") && !parameter.startsWith("size=") && !parameter.isEmpty()) {
				kept.append(kept.isEmpty() ? "?" : "&").append(parameter);
			}
		}
		return kept.toString();
	}

	private static @Nullable RecordComponent component(Class<?> type, String name) {
		var components = type.getRecordComponents();
		if (components == null) {
			return null;
		}
		for (var component : components) {
			if (component.getName().equals(name)) {
				return component;
			}
		}
		return null;
	}
}
