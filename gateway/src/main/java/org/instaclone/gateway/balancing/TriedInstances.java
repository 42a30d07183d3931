package org.instaclone.gateway.balancing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The instances a request has already been sent to, so that a retry goes to another one. The
 * gateway's load-balancer filter passes the exchange's attributes to the load balancer with each
 * choice, so the list lives in an exchange attribute.
 */
public final class TriedInstances {

	private static final String ATTRIBUTE = TriedInstances.class.getName();

	private TriedInstances() {
	}

	/**
	 * Remembers the instance the exchange's last attempt went to (nothing when the route does not
	 * balance); call before sending the request again.
	 */
	public static void remember(ServerWebExchange exchange) {
		Response<ServiceInstance> chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
		if (chosen == null || !chosen.hasServer()) {
			return;
		}
		Set<String> tried = exchange.getAttribute(ATTRIBUTE);
		if (tried == null) {
			tried = new HashSet<>(2);
			exchange.getAttributes().put(ATTRIBUTE, tried);
		}
		tried.add(address(chosen.getServer()));
	}

	/** The instances already tried for the request the load balancer is choosing for. */
	static Set<String> in(Request<?> request) {
		if (request.getContext() instanceof RequestDataContext context && context.getClientRequest() != null) {
			Map<String, Object> attributes = context.getClientRequest().getAttributes();
			if (attributes != null && attributes.get(ATTRIBUTE) instanceof Set<?> tried) {
				@SuppressWarnings("unchecked")
				Set<String> addresses = (Set<String>) tried;
				return addresses;
			}
		}
		return Set.of();
	}

	/** {@code instances} without the tried ones, or all of them when none would be left. */
	static List<ServiceInstance> without(List<ServiceInstance> instances, Set<String> tried) {
		List<ServiceInstance> untried = new ArrayList<>(instances.size());
		for (ServiceInstance instance : instances) {
			if (!tried.contains(address(instance))) {
				untried.add(instance);
			}
		}
		return untried.isEmpty() ? instances : untried;
	}

	/** {@code host:port}: how an instance is named in the tried list and in the log. */
	static String address(ServiceInstance instance) {
		return instance.getHost() + ":" + instance.getPort();
	}
}
