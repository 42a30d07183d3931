package org.instaclone.monolith;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * What a request to one module runs through in the monolith: the module context's own servlet
 * filters (Spring Security's chain, the observation filter, ...), in the order Spring Boot would have
 * registered them with the microservice's Tomcat, and then the module's own {@link DispatcherServlet}.
 * The request keeps its full path (no servlet path is split off), so every controller mapping and
 * security matcher matches exactly as in the microservice.
 */
final class ModuleDispatch {

	private static final Logger log = LoggerFactory.getLogger(ModuleDispatch.class);

	private final List<Filter> filters;

	private final DispatcherServlet servlet;

	private ModuleDispatch(List<Filter> filters, DispatcherServlet servlet) {
		this.filters = filters;
		this.servlet = servlet;
	}

	static ModuleDispatch of(Module module, ConfigurableApplicationContext context, ServletContext servletContext)
			throws ServletException {
		List<Filter> filters = new ArrayList<>();
		for (ServletContextInitializer initializer : new ServletContextInitializerBeans(context.getBeanFactory())) {
			if (!(initializer instanceof AbstractFilterRegistrationBean<?> registration) || !registration.isEnabled()) {
				continue;
			}
			Collection<String> patterns = registration.getUrlPatterns();
			if (!patterns.isEmpty() && !patterns.contains("/*")
					|| !registration.determineDispatcherTypes().contains(DispatcherType.REQUEST)) {
				log.warn("{}: filter {} ({} {}) is not applied in the monolith", module.name(),
						registration.getFilterName(), patterns, registration.determineDispatcherTypes());
				continue;
			}
			Filter filter = registration.getFilter();
			filter.init(new Config(module.name() + "." + registration.getFilterName(), servletContext));
			filters.add(filter);
		}
		DispatcherServlet servlet = context.getBean(DispatcherServlet.class);
		servlet.init(new Config(module.name(), servletContext));
		return new ModuleDispatch(List.copyOf(filters), servlet);
	}

	void handle(ServletRequest request, ServletResponse response) throws IOException, ServletException {
		new Chain().doFilter(request, response);
	}

	void destroy() {
		this.servlet.destroy();
	}

	/** The module's filters, then its dispatcher servlet. */
	private final class Chain implements FilterChain {

		private int next;

		@Override
		public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
			if (this.next < ModuleDispatch.this.filters.size()) {
				ModuleDispatch.this.filters.get(this.next++).doFilter(request, response, this);
			}
			else {
				ModuleDispatch.this.servlet.service(request, response);
			}
		}
	}

	/** The servlet and filter configuration the module's components are initialised with. */
	private record Config(String name, ServletContext servletContext) implements ServletConfig, FilterConfig {

		@Override
		public String getServletName() {
			return this.name;
		}

		@Override
		public String getFilterName() {
			return this.name;
		}

		@Override
		public ServletContext getServletContext() {
			return this.servletContext;
		}

		@Override
		public String getInitParameter(String name) {
			return null;
		}

		@Override
		public Enumeration<String> getInitParameterNames() {
			return Collections.emptyEnumeration();
		}
	}
}
