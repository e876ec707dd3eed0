package cocon.web;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The pages' style sheets, scripts, fonts and icons (issue 26, ADR 48). A page links each by a name holding the MD5 of
 * its content ({@code dsfr-cocon.min-<md5>.css}, Thymeleaf's {@code @{…}} through {@link ResourceUrlEncodingFilter}),
 * so that the browser keeps it a year without asking again ({@code public, max-age=31536000, immutable}) and a new
 * build changes the name. Each is sent as the build precompressed it, Brotli or gzip as the browser accepts
 * ({@code *.br}, {@code *.gz} next to it, written by {@code src/main/frontend/assets.mjs}). An address without the
 * content's name (a favicon a browser asks for by itself, an old bookmark) is revalidated each time
 * ({@code no-cache}); an answer other than success is never stored.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

	static final String[] PATHS = { "/dsfr/**", "/dsfr-chart/**", "/css/**", "/js/**" };

	/** Spring's content version in a file name: {@code name-<32 hex digits>.ext}. */
	private static final Pattern VERSIONED = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String path : PATHS) {
			String folder = path.substring(0, path.length() - 2);
			registry.addResourceHandler(path)
					.addResourceLocations("classpath:/static" + folder)
					// headers set by the filter below, which knows whether the address is versioned
					.resourceChain(true)
					.addResolver(new EncodedResourceResolver())
					.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
	}

	/**
	 * Rewrites the links of the pages ({@code @{/dsfr/…}}) to the versioned names. After Spring Security's filters
	 * (-100): its {@code DisableEncodeUrlFilter} answers every {@code encodeURL} with the address unchanged (no
	 * session id in an address), so only a wrapper inside it is asked first. Pages only: an API answer writes no
	 * link through {@code encodeURL}, and the filter's request and response wrappers were two more layers that each
	 * of Spring MVC's calls crossed on every API request (ADR 0062).
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		var registration = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new PagesOnly());
		registration.setOrder(0);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CacheHeaders> staticAssetsCacheHeaders() {
		var registration = new FilterRegistrationBean<>(new CacheHeaders());
		registration.addUrlPatterns("/dsfr/*", "/dsfr-chart/*", "/css/*", "/js/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 31);
		return registration;
	}

	/** {@link ResourceUrlEncodingFilter} for the pages, not for the API. */
	static final class PagesOnly extends ResourceUrlEncodingFilter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request instanceof HttpServletRequest http && Problems.isApi(http)) {
				chain.doFilter(request, response);
				return;
			}
			super.doFilter(request, response, chain);
		}
	}

	/**
	 * Set before the handler answers, so that Spring Security's header writer, which writes {@code no-store} only
	 * where no {@code Cache-Control} is set, leaves it.
	 */
	static class CacheHeaders extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			response.setHeader(HttpHeaders.CACHE_CONTROL,
					VERSIONED.matcher(request.getRequestURI()).matches() ? IMMUTABLE : "no-cache");
			chain.doFilter(request, new HttpServletResponseWrapper(response) {

				@Override
				public void sendError(int status) throws IOException {
					setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
					super.sendError(status);
				}

				@Override
				public void sendError(int status, String message) throws IOException {
					setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
					super.sendError(status, message);
				}

				@Override
				public void setStatus(int status) {
					if (status >= 400) {
						setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
					}
					super.setStatus(status);
				}
			});
		}
	}
}
