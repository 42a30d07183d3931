package org.instaclone.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayApplicationTests {

	private final String before = System.getProperty(ReactorNetty.IO_WORKER_COUNT);

	@AfterEach
	void restore() {
		if (this.before == null) {
			System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
		}
		else {
			System.setProperty(ReactorNetty.IO_WORKER_COUNT, this.before);
		}
	}

	@Test
	void startsOneEventLoopPerCoreByDefault() {
		System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
		GatewayApplication.oneEventLoopPerCore();
		assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT))
			.isEqualTo(String.valueOf(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void keepsAnEventLoopCountGivenOnTheCommandLine() {
		System.setProperty(ReactorNetty.IO_WORKER_COUNT, "3");
		GatewayApplication.oneEventLoopPerCore();
		assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isEqualTo("3");
	}
}
