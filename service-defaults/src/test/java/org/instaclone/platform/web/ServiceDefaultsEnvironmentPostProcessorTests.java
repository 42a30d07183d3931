package org.instaclone.platform.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDefaultsEnvironmentPostProcessorTests {

	private final ServiceDefaultsEnvironmentPostProcessor postProcessor = new ServiceDefaultsEnvironmentPostProcessor();

	@Test
	void leavesOutTheAutoConfigurationsNoServiceUses() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.autoconfigure.exclude"))
			.contains("org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration");
	}

	@Test
	void keepsAnExcludeListSetElsewhereWhole() {
		// e.g. an embedded Boot app's defaultProperties, which Boot moves below this source afterwards
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("defaultProperties",
					Map.of("spring.autoconfigure.exclude", "com.example.SomeAutoConfiguration")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		environment.getPropertySources().addLast(environment.getPropertySources().remove("defaultProperties"));
		assertThat(environment.getProperty("spring.autoconfigure.exclude")).isEqualTo("com.example.SomeAutoConfiguration");
	}

}
