package org.instaclone.platform.fault;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.instaclone.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds the configured latency to a fraction of API requests, and answers another fraction with an
 * {@code injected-fault} problem (503 by default, {@code Retry-After: 1}) without handling them.
 * Latency holds the request's thread like a slow database would. Counted in
 * {@code instaclone_faults_injected_total{kind="latency"|"error"}}.
 */
final class FaultInjectionFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(FaultInjectionFilter.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Faults faults;

	private final String pathPrefix;

	private final Counter latencies;

	private final Counter errors;

	FaultInjectionFilter(Faults faults, String pathPrefix, MeterRegistry meters) {
		this.faults = faults;
		this.pathPrefix = pathPrefix;
		this.latencies = meters.counter("instaclone.faults.injected", "kind", "latency");
		this.errors = meters.counter("instaclone.faults.injected", "kind", "error");
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(this.pathPrefix);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Faults.Settings settings = this.faults.current();
		if (settings.none()) {
			chain.doFilter(request, response);
			return;
		}
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (!settings.latency().isZero() && random.nextDouble() < settings.latencyFraction()) {
			this.latencies.increment();
			try {
				Thread.sleep(settings.latency().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (random.nextDouble() < settings.errorFraction()) {
			this.errors.increment();
			log.debug("{} {}: injected fault {}", request.getMethod(), request.getRequestURI(), settings.errorStatus());
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", Problems.TYPE_BASE + "injected-fault");
			problem.put("title", "Injected fault");
			problem.put("status", settings.errorStatus());
			problem.put("detail", "Fault injection is switched on for this service; this request was failed on purpose.");
			problem.put("instance", request.getRequestURI());
			byte[] body = JSON.writeValueAsBytes(problem);
			response.setStatus(settings.errorStatus());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			return;
		}
		chain.doFilter(request, response);
	}
}
