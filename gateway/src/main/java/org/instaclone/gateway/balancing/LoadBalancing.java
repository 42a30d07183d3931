package org.instaclone.gateway.balancing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every service's load balancer (one Spring child context per service) the instance list of
 * {@link ReadyInstancesConfiguration} instead of Spring Cloud LoadBalancer's default (the discovery
 * client's list behind a 35 s cache).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ReadyInstancesConfiguration.class)
class LoadBalancing {
}
