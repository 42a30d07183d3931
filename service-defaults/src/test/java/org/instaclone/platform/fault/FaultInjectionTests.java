package org.instaclone.platform.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fault-injection switch switched on, in a minimal service (no database, no broker): the API
 * answers normally until faults are set through {@code /actuator/faults}, then slowly or with the
 * {@code injected-fault} problem; health stays untouched; the endpoint answers only the service's own
 * host. {@link FaultInjectionOffTests} covers the default (off).
 */
@SpringBootTest(classes = FaultInjectionTests.Service.class, properties = {
		"instaclone.fault-injection.enabled=true", "instaclone.security.public-paths=/api/ping",
		"spring.application.name=faulty", FaultInjectionTests.READINESS_WITHOUT_DATABASE,
		FaultInjectionTests.NO_DATABASE_NO_BROKER })
@AutoConfigureMockMvc
public class FaultInjectionTests {

	/** A service without PostgreSQL and Kafka: only the web, security and actuator plumbing. */
	public static final String NO_DATABASE_NO_BROKER = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
			+ "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
			+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
			+ "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
			+ "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration,"
			+ "org.instaclone.platform.events.EventsAutoConfiguration";

	/** The services' readiness group includes the database, which this one has not. */
	public static final String READINESS_WITHOUT_DATABASE = "management.endpoint.health.group.readiness.include=readinessState";

	@Autowired
	MockMvc mvc;

	@Autowired
	Faults faults;

	@AfterEach
	void stopInjecting() throws Exception {
		this.mvc.perform(local(delete("/actuator/faults"))).andExpect(status().isOk());
	}

	@Test
	void answersNormallyUntilFaultsAreSet() throws Exception {
		this.mvc.perform(local(get("/actuator/faults")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errorFraction").value(0.0))
			.andExpect(jsonPath("$.latency").value("PT0S"));
		for (int i = 0; i < 20; i++) {
			this.mvc.perform(get("/api/ping")).andExpect(status().isOk()).andExpect(content().string("pong"));
		}
	}

	@Test
	void errorsEveryRequestWithTheInjectedFaultProblem() throws Exception {
		setFaults("{\"errorFraction\":1.0}");
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(get("/api/ping"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "1"))
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/injected-fault"))
				.andExpect(jsonPath("$.instance").value("/api/ping"));
		}
		// health and metrics are not affected: the service stays observable and keeps its probes
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
	}

	@Test
	void errorsAboutTheConfiguredFractionWithTheConfiguredStatus() throws Exception {
		setFaults("{\"errorFraction\":0.5,\"errorStatus\":500}");
		int failed = 0;
		for (int i = 0; i < 200; i++) {
			int status = this.mvc.perform(get("/api/ping")).andReturn().getResponse().getStatus();
			assertThat(status).isIn(200, 500);
			failed += status == 500 ? 1 : 0;
		}
		// binomial(200, 0.5): outside 60..140 with a probability below 1e-8
		assertThat(failed).isBetween(60, 140);
	}

	@Test
	void addsLatency() throws Exception {
		setFaults("{\"latencyMs\":300,\"latencyFraction\":1.0}");
		long started = System.nanoTime();
		this.mvc.perform(get("/api/ping")).andExpect(status().isOk());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		started = System.nanoTime();
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("health is never slowed")
			.isLessThan(Duration.ofMillis(300));
	}

	@Test
	void hangHoldsTheRequestsThreadThenFailsIt() throws Exception {
		setFaults("{\"hangMs\":300}");
		long started = System.nanoTime();
		this.mvc.perform(get("/api/ping"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/injected-fault"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		started = System.nanoTime();
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("health never hangs")
			.isLessThan(Duration.ofMillis(300));
	}

	@Test
	void memoryLeakKeepsTheBytesOfEveryRequestUntilCleared() throws Exception {
		setFaults("{\"memoryLeakKb\":64}");
		for (int i = 0; i < 10; i++) {
			// the leaking request is still answered: a leak does not fail anything until the heap is gone
			this.mvc.perform(get("/api/ping")).andExpect(status().isOk()).andExpect(content().string("pong"));
		}
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		assertThat(this.faults.leakedBytes()).isEqualTo(10 * 64 * 1024);
		this.mvc.perform(local(get("/actuator/faults"))).andExpect(jsonPath("$.memoryLeakBytes").value(64 * 1024));
		this.mvc.perform(local(delete("/actuator/faults"))).andExpect(status().isOk());
		assertThat(this.faults.leakedBytes()).isZero();
		this.mvc.perform(get("/api/ping")).andExpect(status().isOk());
		assertThat(this.faults.leakedBytes()).isZero();
	}

	@Test
	void refusesALeakLargerThanOneArrayPerRequestShouldBe() throws Exception {
		this.mvc.perform(local(post("/actuator/faults")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"memoryLeakKb\":1000000}")).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/api/ping")).andExpect(status().isOk());
		assertThat(this.faults.leakedBytes()).isZero();
	}

	@Test
	void onlyTheServicesOwnHostMayChangeFaults() throws Exception {
		this.mvc.perform(remote(post("/actuator/faults")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"errorFraction\":1.0}")).andExpect(status().is4xxClientError());
		this.mvc.perform(remote(get("/actuator/faults"))).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/api/ping")).andExpect(status().isOk());
	}

	@Test
	void refusesAnErrorStatusThatIsNotAServerError() throws Exception {
		this.mvc.perform(local(post("/actuator/faults")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"errorFraction\":1.0,\"errorStatus\":200}")).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/api/ping")).andExpect(status().isOk());
	}

	private void setFaults(String json) throws Exception {
		this.mvc.perform(local(post("/actuator/faults")).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isOk());
	}

	private static MockHttpServletRequestBuilder local(MockHttpServletRequestBuilder request) {
		return request.with(r -> {
			r.setRemoteAddr("127.0.0.1");
			return r;
		});
	}

	private static MockHttpServletRequestBuilder remote(MockHttpServletRequestBuilder request) {
		return request.with(r -> {
			r.setRemoteAddr("10.1.2.3");
			return r;
		});
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

		@RestController
		static class Ping {

			@GetMapping("/api/ping")
			String ping() {
				return "pong";
			}
		}
	}
}
