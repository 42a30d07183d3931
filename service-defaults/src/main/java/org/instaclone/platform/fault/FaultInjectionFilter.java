package org.instaclone.platform.fault;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
 * Latency holds the request's thread like a slow database would. Two resource-exhaustion faults
 * apply to every affected request: a <em>memory leak</em> (the request leaves its bytes behind in
 * {@link Faults}, then is handled) and a <em>hang</em> (the request holds its thread for the hang,
 * like a call to a dependency that does not answer, then gets the {@code injected-fault} problem).
 * Counted in {@code instaclone_faults_injected_total{kind="latency"|"error"|"hang"|"memory"}}; the
 * memory held is {@code instaclone_faults_leaked_bytes}.
 */
final class FaultInjectionFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(FaultInjectionFilter.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Faults faults;

	private final String pathPrefix;

	private final Counter latencies;

	private final Counter errors;

	private final Counter hangs;

	private final Counter leaks;

	FaultInjectionFilter(Faults faults, String pathPrefix, MeterRegistry meters) {
		this.faults = faults;
		this.pathPrefix = pathPrefix;
		this.latencies = meters.counter("instaclone.faults.injected", "kind", "latency");
		this.errors = meters.counter("instaclone.faults.injected", "kind", "error");
		this.hangs = meters.counter("instaclone.faults.injected", "kind", "hang");
		this.leaks = meters.counter("instaclone.faults.injected", "kind", "memory");
		Gauge.builder("instaclone.faults.leaked", faults, Faults::leakedBytes).baseUnit("bytes").register(meters);
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
		if (settings.memoryLeakBytes() > 0) {
			this.leaks.increment();
			this.faults.leak(settings.memoryLeakBytes());
		}
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (!settings.latency().isZero() && random.nextDouble() < settings.latencyFraction()) {
			this.latencies.increment();
			sleep(settings.latency());
		}
		if (!settings.hang().isZero()) {
			this.hangs.increment();
			sleep(settings.hang());
			fail(request, response, settings.errorStatus());
			return;
		}
		if (random.nextDouble() < settings.errorFraction()) {
			this.errors.increment();
			fail(request, response, settings.errorStatus());
			return;
		}
		chain.doFilter(request, response);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void fail(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
		log.debug("{} {}: injected fault {}", request.getMethod(), request.getRequestURI(), status);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", Problems.TYPE_BASE + "injected-fault");
		problem.put("title", "Injected fault");
		problem.put("status", status);
		problem.put("detail", "Fault injection is switched on for this service; this request was failed on purpose.");
		problem.put("instance", request.getRequestURI());
		byte[] body = JSON.writeValueAsBytes(problem);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
