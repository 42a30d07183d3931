package org.instaclone.monolith;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The monolith's front door, where the gateway was: a request under a module's paths (the gateway's
 * routes) goes to that module's filters and dispatcher servlet in this same thread, without a network
 * hop; everything else (the web client's files) falls through to the root context. Before a module is
 * up its paths answer 503 with a problem body, as the gateway does for a service that is not ready.
 */
final class ModuleRouter extends OncePerRequestFilter {

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
			if (module.answers(path)) {
				ModuleDispatch dispatch = this.modules.get(module);
				if (dispatch == null) {
					unavailable(module, response);
				}
				else {
					dispatch.handle(request, response);
				}
				return;
			}
		}
		chain.doFilter(request, response);
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
}
