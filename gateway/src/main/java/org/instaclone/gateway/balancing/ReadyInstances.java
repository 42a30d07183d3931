package org.instaclone.gateway.balancing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * The instances of one service the load balancer may pick from:
 * <ul>
 * <li>the ready ones, as Spring Cloud LoadBalancer's health check last found them, when the service
 * has several ({@code checked} is then set);</li>
 * <li>all configured ones when none is ready (fail open: a check that fails everywhere at once, a
 * slow readiness answer on a loaded machine, must not make the gateway refuse every request; the
 * requests then fail or succeed on their own, and the breaker judges the service);</li>
 * <li>for a request being retried, without the instances it already failed on, as long as another
 * one is left ({@link TriedInstances}).</li>
 * </ul>
 */
final class ReadyInstances implements ServiceInstanceListSupplier, InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReadyInstances.class);

	private static final Comparator<ServiceInstance> BY_ADDRESS = Comparator.comparing(ServiceInstance::getHost)
		.thenComparingInt(ServiceInstance::getPort);

	private final ServiceInstanceListSupplier configured;

	private final @Nullable HealthCheckServiceInstanceListSupplier checked;

	private volatile @Nullable Disposable changes;

	ReadyInstances(ServiceInstanceListSupplier configured, @Nullable HealthCheckServiceInstanceListSupplier checked) {
		this.configured = configured;
		this.checked = checked;
	}

	@Override
	public String getServiceId() {
		return this.configured.getServiceId();
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		if (this.checked == null) {
			return this.configured.get();
		}
		return this.checked.get()
			.concatMap(ready -> ready.isEmpty() ? this.configured.get().take(1) : Flux.just(inAddressOrder(ready)));
	}

	/**
	 * The health check lists the ready instances in the order their answers came in, which changes
	 * from round to round; in a fixed order round robin really alternates (two or three instances:
	 * sorting them costs next to nothing).
	 */
	private static List<ServiceInstance> inAddressOrder(List<ServiceInstance> ready) {
		if (ready.size() < 2) {
			return ready;
		}
		List<ServiceInstance> sorted = new ArrayList<>(ready);
		sorted.sort(BY_ADDRESS);
		return sorted;
	}

	@Override
	public Flux<List<ServiceInstance>> get(Request request) {
		Set<String> tried = TriedInstances.in(request);
		return tried.isEmpty() ? get() : get().map(instances -> TriedInstances.without(instances, tried));
	}

	@Override
	public void afterPropertiesSet() {
		if (this.checked != null) {
			// starts polling now, not at the service's first request
			this.checked.afterPropertiesSet();
			// one line when an instance leaves or joins the rotation, none per round
			this.changes = this.checked.get()
				.map(ready -> ready.stream().map(TriedInstances::address).sorted().toList())
				.distinctUntilChanged()
				.subscribe(this::logChange);
		}
	}

	private void logChange(List<String> ready) {
		if (ready.isEmpty()) {
			log.warn("{}: no instance is ready; sending to all configured instances", getServiceId());
		}
		else {
			log.info("{}: ready instances {}", getServiceId(), ready);
		}
	}

	@Override
	public void destroy() {
		Disposable changes = this.changes;
		if (changes != null) {
			changes.dispose();
		}
		if (this.checked != null) {
			this.checked.destroy();
		}
	}
}
