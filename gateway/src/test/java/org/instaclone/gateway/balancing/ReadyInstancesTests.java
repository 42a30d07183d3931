package org.instaclone.gateway.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;

/** Which instances the load balancer may choose from, without HTTP: exclusion of tried ones. */
class ReadyInstancesTests {

	private final ServiceInstance a = instance("a", 8082);

	private final ServiceInstance b = instance("b", 8182);

	private final ReadyInstances instances = new ReadyInstances(fixed(this.a, this.b), null);

	@Test
	void aRetryIsOfferedOnlyTheInstancesNotTriedYet() {
		assertThat(choices(Set.of())).containsExactly(this.a, this.b);
		assertThat(choices(Set.of("localhost:8082"))).containsExactly(this.b);
	}

	@Test
	void whenEveryInstanceWasTriedAllAreOfferedAgain() {
		assertThat(choices(Set.of("localhost:8082", "localhost:8182"))).containsExactly(this.a, this.b);
	}

	private List<ServiceInstance> choices(Set<String> tried) {
		Map<String, Object> attributes = new HashMap<>();
		if (!tried.isEmpty()) {
			attributes.put(TriedInstances.class.getName(), tried);
		}
		Request<RequestDataContext> request = new DefaultRequest<>(new RequestDataContext(new RequestData(HttpMethod.GET,
				URI.create("http://upload-service/api/feed"), new HttpHeaders(), new LinkedMultiValueMap<>(), attributes)));
		return this.instances.get(request).blockFirst();
	}

	private static ServiceInstance instance(String id, int port) {
		return new DefaultServiceInstance(id, "upload-service", "localhost", port, false);
	}

	private static ServiceInstanceListSupplier fixed(ServiceInstance... instances) {
		return new ServiceInstanceListSupplier() {
			@Override
			public String getServiceId() {
				return "upload-service";
			}

			@Override
			public Flux<List<ServiceInstance>> get() {
				return Flux.just(List.of(instances));
			}
		};
	}
}
