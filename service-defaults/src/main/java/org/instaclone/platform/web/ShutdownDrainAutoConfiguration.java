package org.instaclone.platform.web;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * What Kubernetes does with a {@code preStop} sleep, for when nothing outside does it (the local runner's
 * replicas behind the gateway's load balancer): when the service is asked to stop, its readiness turns
 * {@code REFUSING_TRAFFIC} at once (Spring Boot does that first), but it keeps serving for
 * {@code instaclone.shutdown.drain} ({@code INSTACLONE_SHUTDOWN_DRAIN}, default 0 = off) before the web
 * server's graceful shutdown begins. A load balancer that polls readiness stops sending it requests
 * meanwhile, so no request arrives on a connection the server is closing. Kubernetes keeps it at 0:
 * the pods' {@code preStop} sleep does the same.
 */
@AutoConfiguration
public class ShutdownDrainAutoConfiguration {

	@Bean
	SmartLifecycle instacloneShutdownDrain(@Value("${instaclone.shutdown.drain:0s}") Duration drain) {
		return new ShutdownDrain(drain);
	}

	/** Stops first (the highest phase), before the web server's graceful shutdown, by waiting. */
	static final class ShutdownDrain implements SmartLifecycle {

		private static final Log logger = LogFactory.getLog(ShutdownDrain.class);

		private final Duration drain;

		private volatile boolean running;

		ShutdownDrain(Duration drain) {
			this.drain = drain;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			if (this.running && !this.drain.isZero() && !this.drain.isNegative()) {
				logger.info("Readiness is down; serving " + this.drain.toMillis() + " ms more before shutting down");
				try {
					Thread.sleep(this.drain.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return Integer.MAX_VALUE;
		}
	}
}
