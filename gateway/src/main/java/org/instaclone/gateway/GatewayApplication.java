package org.instaclone.gateway;

import reactor.netty.ReactorNetty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The single entry point of Instaclone: routes {@code /api/**} to the services by path prefix,
 * verifies access tokens before anything reaches a service, answers every error as RFC 9457 problem
 * JSON, and serves the web client.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) {
		oneEventLoopPerCore();
		SpringApplication.run(GatewayApplication.class, args);
	}

	/**
	 * One Netty event loop per core for the server and the client to the services (they share them),
	 * unless {@code -Dreactor.netty.ioWorkerCount} says otherwise. Reactor Netty's default is at least
	 * 4, which on a 2-core machine (or a pod limited to 2 CPUs) puts twice as many busy threads as
	 * cores on the CPU and made every proxied request cost ~1.7 times the CPU (docs/performance.md
	 * "Gateway cost"). Nothing blocks on the event loops here (the JWKS fetch runs on the
	 * bounded-elastic scheduler), so a loop per core is enough. Must run before any Reactor Netty
	 * class reads the property.
	 */
	static void oneEventLoopPerCore() {
		if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
			System.setProperty(ReactorNetty.IO_WORKER_COUNT, String.valueOf(Runtime.getRuntime().availableProcessors()));
		}
	}
}
