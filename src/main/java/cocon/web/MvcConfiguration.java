package cocon.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

import cocon.shared.web.PageModel;

/**
 * What Spring MVC does per request, trimmed to what the request needs (ADR 0062): the page shell's model only for
 * pages ({@link ShellModel}), the handler lookup narrowed by the address ({@link PrefixedHandlerLookup}), the
 * decimal numbers' editors given to each binder without an {@code @InitBinder} advice ({@link DecimalParameters}).
 */
@Configuration(proxyBeanMethods = false)
class MvcConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<PageModel> pageModels;

	MvcConfiguration(ObjectProvider<PageModel> pageModels) {
		this.pageModels = pageModels;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ShellModel(pageModels));
	}

	@Bean
	static WebMvcRegistrations prefixedHandlerLookup() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PrefixedHandlerLookup();
			}

			@Override
			public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return new DecimalBinding();
			}
		};
	}

	/** Every binder reads whole numbers in decimal only ({@link DecimalParameters}). */
	static final class DecimalBinding extends RequestMappingHandlerAdapter {

		@Override
		protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> binderMethods) {
			return new ServletRequestDataBinderFactory(binderMethods, getWebBindingInitializer()) {

				@Override
				public void initBinder(WebDataBinder binder, NativeWebRequest request) throws Exception {
					DecimalParameters.decimalOnly(binder);
					super.initBinder(binder, request);
				}
			};
		}
	}
}
