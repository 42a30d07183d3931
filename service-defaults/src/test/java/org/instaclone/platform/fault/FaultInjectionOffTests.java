package org.instaclone.platform.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** By default there is no fault injection at all: no filter, no endpoint, not even from localhost. */
@SpringBootTest(classes = FaultInjectionTests.Service.class, properties = {
		"instaclone.security.public-paths=/api/ping", "spring.application.name=steady", FaultInjectionTests.READINESS_WITHOUT_DATABASE,
		FaultInjectionTests.NO_DATABASE_NO_BROKER })
@AutoConfigureMockMvc
class FaultInjectionOffTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void isOffUnlessSwitchedOn() throws Exception {
		assertThat(this.context.getBeansOfType(Faults.class)).isEmpty();
		assertThat(this.context.getBeansOfType(FaultsEndpoint.class)).isEmpty();
		this.mvc.perform(get("/actuator/faults").with(r -> {
			r.setRemoteAddr("127.0.0.1");
			return r;
		})).andExpect(status().isNotFound());
		this.mvc.perform(post("/actuator/faults").with(r -> {
			r.setRemoteAddr("127.0.0.1");
			return r;
		}).contentType(MediaType.APPLICATION_JSON).content("{\"errorFraction\":1.0}")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/ping")).andExpect(status().isOk());
	}
}
