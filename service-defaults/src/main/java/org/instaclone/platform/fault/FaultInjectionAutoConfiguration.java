package org.instaclone.platform.fault;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The fault-injection switch: only with {@code instaclone.fault-injection.enabled=true}. Without it
 * no filter and no endpoint exist, so a service pays nothing for it.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("instaclone.fault-injection.enabled")
@EnableConfigurationProperties(FaultInjectionProperties.class)
public class FaultInjectionAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FaultInjectionAutoConfiguration.class);

	@Bean
	Faults faults(FaultInjectionProperties properties) {
		Faults.Settings initial = Faults.Settings.of(properties);
		log.warn("Fault injection is ENABLED for {} (now: {}); change it at /actuator/faults. Never in production.",
				properties.pathPrefix(), initial);
		return new Faults(initial);
	}

	@Bean
	FilterRegistrationBean<FaultInjectionFilter> faultInjectionFilter(Faults faults,
			FaultInjectionProperties properties, MeterRegistry meters) {
		FilterRegistrationBean<FaultInjectionFilter> registration = new FilterRegistrationBean<>(
				new FaultInjectionFilter(faults, properties.pathPrefix(), meters));
		// before security and everything else: a slow or failing service is slow or failing for everyone
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FaultsEndpoint faultsEndpoint(Faults faults) {
		return new FaultsEndpoint(faults);
	}
}
