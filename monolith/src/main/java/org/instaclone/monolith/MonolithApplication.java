package org.instaclone.monolith;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The monolith's root context: the one web server (Tomcat), the router in front of the modules, and
 * the web client's files. It holds no service code and no database; each service runs in its own
 * context beside it ({@link Monolith}), built from its own {@code @SpringBootApplication} class.
 * <p>
 * {@code java -jar monolith/target/monolith.jar} (docs/monolith.md).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, MultipartAutoConfiguration.class })
public class MonolithApplication {

	/**
	 * The gateway's headers for the web client's pages (its {@code SecurityConfiguration}): the same
	 * content security policy, so the page runs under the same rules in both deployments.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	public static void main(String[] args) {
		Monolith.main(args);
	}

	@Bean
	ModuleContexts moduleContexts() {
		return new ModuleContexts();
	}

	@Bean
	ModulesHealth modulesHealth(ModuleContexts moduleContexts) {
		return new ModulesHealth(moduleContexts);
	}

	@Bean
	ModulesMetrics modulesMetrics(ModuleContexts moduleContexts) {
		return new ModulesMetrics(moduleContexts);
	}

	@Bean
	ModuleRouter moduleRouter() {
		return new ModuleRouter();
	}

	@Bean
	FilterRegistrationBean<ModuleRouter> moduleRouterRegistration(ModuleRouter router) {
		FilterRegistrationBean<ModuleRouter> registration = new FilterRegistrationBean<>(router);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> webClientHeaders() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
						response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
						response.setHeader("X-Frame-Options", "DENY");
						response.setHeader("X-Content-Type-Options", "nosniff");
						chain.doFilter(request, response);
					}
				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}
}
