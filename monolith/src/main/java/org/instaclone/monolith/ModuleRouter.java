package org.instaclone.monolith;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The monolith's front door, where the gateway was: a request under a module's paths (the gateway's
 * routes) goes to that module's filters and dispatcher servlet in this same thread, without a network
 * hop; everything else (the web client's files) falls through to the root context. Before a module is
 * up its paths answer 503 with a problem body, as the gateway does for a service that is not ready.
 * {@code GET /openapi/<service>} is the module's own OpenAPI document ({@code /v3/api-docs}), as the
 * gateway's {@code <service>-openapi} routes serve it.
 */
final class ModuleRouter extends OncePerRequestFilter {

	/** Where the gateway serves each service's OpenAPI document ({@code /openapi/follow-service}). */
	static final String OPENAPI = "/openapi/";

	/** Where each service serves it itself (service-defaults' springdoc setting). */
	static final String API_DOCS = "/v3/api-docs";

	private final Map<Module, ModuleDispatch> modules = new ConcurrentHashMap<>();

	void attach(Module module, ModuleDispatch dispatch) {
		this.modules.put(module, dispatch);
	}

	void detachAll() {
		this.modules.values().forEach(ModuleDispatch::destroy);
		this.modules.clear();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (Module module : Module.ALL) {
			if (path.equals(OPENAPI + module.name()) && "GET".equals(request.getMethod())) {
				route(module, new Rewritten(request, API_DOCS), response);
				return;
			}
			if (module.answers(path)) {
				route(module, request, response);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** To the module's filters and servlet, or 503 while it is not up. */
	private void route(Module module, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		ModuleDispatch dispatch = this.modules.get(module);
		if (dispatch == null) {
			unavailable(module, response);
		}
		else {
			dispatch.handle(request, response);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	private static void unavailable(Module module, HttpServletResponse response) throws IOException {
		response.setStatus(503);
		response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"https://instaclone.dev/problems/service-unavailable\",\"title\":\"Service Unavailable\","
					+ "\"status\":503,\"detail\":\"" + module.name() + " is starting; try again in a few seconds.\"}");
	}

	/**
	 * The request at another path of the same server (the gateway's {@code SetPath}): URI, URL and
	 * servlet path say {@code path}, the query string is dropped, everything else is the original's.
	 */
	private static final class Rewritten extends HttpServletRequestWrapper {

		private final String path;

		Rewritten(HttpServletRequest request, String path) {
			super(request);
			this.path = path;
			// a path parsed and cached for the original URI would be matched instead of the new one
			ServletRequestPathUtils.clearParsedRequestPath(request);
			request.removeAttribute(UrlPathHelper.PATH_ATTRIBUTE);
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + this.path;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer(super.getRequestURL());
			url.setLength(url.length() - super.getRequestURI().length());
			return url.append(getRequestURI());
		}

		@Override
		public String getServletPath() {
			return this.path;
		}

		@Override
		public @Nullable String getPathInfo() {
			return null;
		}

		@Override
		public @Nullable String getQueryString() {
			return null;
		}
	}
}
