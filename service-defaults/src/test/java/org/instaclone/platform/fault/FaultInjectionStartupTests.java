package org.instaclone.platform.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The faults set at start-up, as the blast-radius benchmark sets them (environment variables such as
 * {@code INSTACLONE_FAULT_INJECTION_MEMORY_LEAK=2MB}): only requests under the path prefix are
 * affected, so one service (or one module of the monolith) can be faulted while the others in the
 * same environment are not.
 */
@SpringBootTest(classes = FaultInjectionTests.Service.class, properties = {
		"instaclone.fault-injection.enabled=true", "instaclone.fault-injection.path-prefix=/api/ping",
		"instaclone.fault-injection.memory-leak=3KB", "instaclone.fault-injection.hang=0ms",
		"instaclone.security.public-paths=/api/ping,/api/other", "spring.application.name=leaky",
		FaultInjectionTests.READINESS_WITHOUT_DATABASE, FaultInjectionTests.NO_DATABASE_NO_BROKER })
@AutoConfigureMockMvc
class FaultInjectionStartupTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Faults faults;

	@Test
	void leaksFromTheFirstRequestUnderThePrefixOnly() throws Exception {
		assertThat(this.faults.current().memoryLeakBytes()).isEqualTo(3 * 1024);
		assertThat(this.faults.current().hang()).isEqualTo(Duration.ZERO);
		long before = this.faults.leakedBytes();
		this.mvc.perform(get("/api/ping")).andExpect(status().isOk()).andExpect(content().string("pong"));
		this.mvc.perform(get("/api/ping")).andExpect(status().isOk());
		assertThat(this.faults.leakedBytes() - before).isEqualTo(2 * 3 * 1024);
		// outside the prefix (another service's paths, in the monolith another module's): untouched
		this.mvc.perform(get("/api/other")).andExpect(status().isNotFound());
		assertThat(this.faults.leakedBytes() - before).isEqualTo(2 * 3 * 1024);
	}
}
