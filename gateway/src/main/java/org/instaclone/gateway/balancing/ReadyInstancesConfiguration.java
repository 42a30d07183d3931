package org.instaclone.gateway.balancing;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The instance list of one service's load balancer (registered in that service's child context by
 * {@link LoadBalancing}; deliberately not a {@code @Configuration}, so component scanning does not
 * turn it into a bean of the gateway's own context).
 * <p>
 * With several configured instances, each is polled at
 * {@code spring.cloud.loadbalancer.health-check.path} ({@code /actuator/health/readiness}) every
 * {@code spring.cloud.loadbalancer.health-check.interval}; only a {@code 200} within the interval
 * counts as ready. With a single instance nothing is polled: it is either the one local process or a
 * Kubernetes Service, which already sends only to ready pods, and taking it out of the rotation could
 * only turn a hiccup of the check into refused requests.
 */
class ReadyInstancesConfiguration {

	@Bean
	ReadyInstances readyInstances(ConfigurableApplicationContext context, LoadBalancerClientFactory factory,
			ObjectProvider<DiscoveryClient> discovery) {
		DiscoveryClient client = discovery.getIfAvailable();
		ServiceInstanceListSupplier configured = client != null ? configured(client, context.getEnvironment())
				: ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context);
		boolean several = client == null || client.getInstances(configured.getServiceId()).size() > 1;
		if (!several) {
			return new ReadyInstances(configured, null);
		}
		WebClient web = WebClient.create();
		HealthCheckServiceInstanceListSupplier checked = new HealthCheckServiceInstanceListSupplier(configured,
				factory, (instance, path) -> ready(web, instance, path));
		return new ReadyInstances(configured, checked);
	}

	/**
	 * The service's configured instances as a constant list. They come from configuration
	 * ({@code spring.cloud.discovery.client.simple.instances}), which does not change while the
	 * gateway runs, so they are read once. Spring Cloud LoadBalancer's discovery-client supplier
	 * would look them up again for every request, behind a 30 s {@code timeout} operator that
	 * schedules and cancels a timer on the bounded-elastic scheduler each time (docs/performance.md
	 * "Gateway cost").
	 */
	private static ServiceInstanceListSupplier configured(DiscoveryClient client, Environment environment) {
		String service = LoadBalancerClientFactory.getName(environment);
		return ServiceInstanceListSuppliers.from(service, client.getInstances(service).toArray(ServiceInstance[]::new));
	}

	/** {@code true} when the instance answers its readiness path with 200 (UP); 503 (DOWN) and errors are not ready. */
	private static Mono<Boolean> ready(WebClient web, ServiceInstance instance, String path) {
		return web.get()
			.uri(UriComponentsBuilder.fromUri(instance.getUri()).path(path).build().toUri())
			.exchangeToMono(response -> response.releaseBody()
				.thenReturn(response.statusCode().value() == HttpStatus.OK.value()));
	}
}
